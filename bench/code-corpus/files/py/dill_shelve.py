import shelve

import dill
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/models/upload")
async def upload_model(file: UploadFile):
    payload = await file.read()
    model = dill.loads(payload)
    with shelve.open("/var/lib/models/index") as db:
        db[file.filename] = model.__class__.__name__
    return {"ok": True}
