import os
from flask import Flask, request, send_file, send_from_directory, abort

app = Flask(__name__)
UPLOAD_DIR = "/srv/uploads"


@app.route("/download")
def download():
    filename = request.args.get("file")
    path = os.path.join(UPLOAD_DIR, filename)
    return send_file(path)


@app.route("/download2")
def download2():
    filename = request.args.get("file")
    return send_from_directory(UPLOAD_DIR, filename)


@app.route("/download3")
def download3():
    filename = os.path.basename(request.args.get("file", ""))
    return send_file(os.path.join(UPLOAD_DIR, filename))
