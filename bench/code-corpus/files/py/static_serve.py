import mimetypes
import os

from django.http import FileResponse, Http404

MEDIA_ROOT = "/srv/media"


def serve_media(request, path):
    full = os.path.normpath(os.path.join(MEDIA_ROOT, path))
    if not full.startswith(MEDIA_ROOT + os.sep):
        raise Http404()
    ctype, _ = mimetypes.guess_type(full)
    return FileResponse(open(full, "rb"), content_type=ctype)


def serve_avatar(request):
    name = request.GET["name"]
    return FileResponse(open(f"/srv/media/avatars/{name}", "rb"))
