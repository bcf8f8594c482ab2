import subprocess
import tempfile
from flask import Flask, request

app = Flask(__name__)


def run(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True)


@app.route("/resize", methods=["POST"])
def resize():
    width = request.form["width"]
    src = request.form["src"]
    out = tempfile.mktemp(suffix=".png")
    run(f"convert {src} -resize {width} {out}")
    return {"out": out}


@app.route("/resize2", methods=["POST"])
def resize2():
    width = int(request.form["width"])
    src = request.files["image"]
    with tempfile.NamedTemporaryFile(suffix=".png") as tmp_in, tempfile.NamedTemporaryFile(suffix=".png") as tmp_out:
        src.save(tmp_in.name)
        subprocess.run(["convert", tmp_in.name, "-resize", str(width), tmp_out.name], check=True)
        return {"ok": True}
