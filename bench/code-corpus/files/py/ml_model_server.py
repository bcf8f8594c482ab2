import joblib
import numpy as np
import torch
from fastapi import FastAPI, UploadFile

app = FastAPI()
model = torch.load("/opt/models/classifier.pt", weights_only=True)
model.eval()


@app.post("/predict")
async def predict(features: list[float]):
    with torch.no_grad():
        return {"score": float(model(torch.tensor([features]))[0])}


@app.post("/models")
async def upload_model(file: UploadFile):
    data = await file.read()
    with open("/tmp/uploaded.joblib", "wb") as f:
        f.write(data)
    clf = joblib.load("/tmp/uploaded.joblib")
    return {"type": type(clf).__name__}


@app.post("/arrays")
async def upload_array(file: UploadFile):
    with open("/tmp/arr.npy", "wb") as f:
        f.write(await file.read())
    arr = np.load("/tmp/arr.npy", allow_pickle=False)
    return {"shape": list(arr.shape)}


@app.post("/checkpoints")
async def upload_checkpoint(file: UploadFile):
    with open("/tmp/ckpt.pt", "wb") as f:
        f.write(await file.read())
    state = torch.load("/tmp/ckpt.pt", weights_only=False)
    return {"keys": list(state)}
