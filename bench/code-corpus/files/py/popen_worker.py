import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/thumb", methods=["POST"])
def thumb():
    src = request.form["src"]
    proc = subprocess.Popen("ffmpeg -y -i " + src + " -vframes 1 /tmp/thumb.png", shell=True)
    proc.wait()
    return {"ok": proc.returncode == 0}


@app.route("/thumb2", methods=["POST"])
def thumb2():
    src = request.form["src"]
    proc = subprocess.Popen(["ffmpeg", "-y", "-i", src, "-vframes", "1", "/tmp/thumb.png"])
    proc.wait()
    return {"ok": proc.returncode == 0}
