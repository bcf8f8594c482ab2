from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse
from starlette.routing import Route


async def hello(request: Request):
    name = request.query_params.get("name", "")
    return HTMLResponse(f"<p>Hello {name}</p>")


async def asset(request: Request):
    return FileResponse("static/" + request.path_params["path"])


app = Starlette(routes=[Route("/hello", hello), Route("/assets/{path:path}", asset)])
