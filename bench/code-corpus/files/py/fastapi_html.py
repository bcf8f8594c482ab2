from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/welcome", response_class=HTMLResponse)
def welcome(name: str = "friend"):
    return f"<html><body><p>Welcome, {name}</p></body></html>"


@app.get("/welcome-safe", response_class=HTMLResponse)
def welcome_safe(name: str = "friend"):
    return f"<html><body><p>Welcome, {escape(name)}</p></body></html>"


@app.get("/welcome.json")
def welcome_json(name: str = "friend"):
    return {"message": f"Welcome, {name}"}
