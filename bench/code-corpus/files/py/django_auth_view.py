import logging

from django.contrib.auth import authenticate, login
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def login_view(request):
    username = request.POST.get("username")
    password = request.POST.get("password")
    logger.debug("login attempt user=%s password=%s", username, password)
    user = authenticate(request, username=username, password=password)
    if user is None:
        logger.warning("auth failure for user=%s", username)
        return JsonResponse({"ok": False}, status=401)
    login(request, user)
    return JsonResponse({"ok": True})
