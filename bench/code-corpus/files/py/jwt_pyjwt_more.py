import jwt
from django.conf import settings
from django.http import JsonResponse


def me_safe(request):
    token = request.COOKIES.get("session", "")
    payload = jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=["ES256"], audience="web")
    return JsonResponse({"user": payload["sub"]})


def me_no_exp(request):
    token = request.COOKIES.get("session", "")
    payload = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], options={"verify_signature": False, "verify_exp": False})
    return JsonResponse({"user": payload["sub"]})
