import os
from fastapi import FastAPI, HTTPException

app = FastAPI()
REPORTS = os.path.realpath("/var/app/reports")


@app.get("/reports/{name:path}")
def read_report(name: str):
    with open("/var/app/reports/" + name) as f:
        return {"content": f.read()}


@app.get("/v2/reports/{name:path}")
def read_report_v2(name: str):
    full = os.path.realpath(os.path.join(REPORTS, name))
    if not full.startswith(REPORTS + os.sep):
        raise HTTPException(status_code=400, detail="bad path")
    with open(full) as f:
        return {"content": f.read()}
