from pathlib import Path
from flask import Flask, request

app = Flask(__name__)
STORE = Path("/data/store")


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    dest = STORE / request.form["folder"] / f.filename
    f.save(str(dest))
    return {"saved": str(dest)}


@app.route("/delete", methods=["POST"])
def delete():
    name = request.form["name"]
    target = STORE.joinpath(name)
    target.unlink()
    return {"deleted": name}
