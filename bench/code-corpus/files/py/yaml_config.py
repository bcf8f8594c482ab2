import yaml
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/import")
async def import_config(request: Request):
    body = await request.body()
    config = yaml.load(body, Loader=yaml.Loader)
    return {"keys": list(config)}


@app.post("/import-safe")
async def import_config_safe(request: Request):
    body = await request.body()
    config = yaml.safe_load(body)
    return {"keys": list(config)}


@app.post("/import-unsafe")
async def import_unsafe(request: Request):
    body = await request.body()
    return {"data": yaml.unsafe_load(body)}
