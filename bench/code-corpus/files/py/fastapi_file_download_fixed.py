from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()

FILES_DIR = Path("./files").resolve()


@app.get("/download/{filename:path}")
async def download_file(filename: str):
    file_path = (FILES_DIR / filename).resolve()
    if not file_path.is_relative_to(FILES_DIR) or not file_path.is_file():
        raise HTTPException(status_code=404, detail="File not found")
    return FileResponse(file_path, filename=file_path.name)
