# FastAPI file download service
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
import os

app = FastAPI()

FILES_DIR = "./files"


@app.get("/download/{filename:path}")
async def download_file(filename: str):
    file_path = os.path.join(FILES_DIR, filename)
    if not os.path.exists(file_path):
        raise HTTPException(status_code=404, detail="File not found")
    return FileResponse(file_path, filename=filename)


@app.get("/files")
async def list_files():
    return {"files": os.listdir(FILES_DIR)}
