import subprocess
from fastapi import FastAPI

app = FastAPI()


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd="/srv/repo")


@app.post("/checkout")
def checkout(branch: str):
    result = git("checkout", "--", branch)
    return {"ok": result.returncode == 0}


@app.post("/log")
def log(since: str):
    out = subprocess.getoutput("git -C /srv/repo log --since=" + since)
    return {"log": out}
