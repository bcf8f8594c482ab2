import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/cleanup", methods=["POST"])
def cleanup():
    folder = request.form["folder"]
    try:
        raise PermissionError("cleanup disabled")
        os.system("rm -rf /srv/tmp/" + folder)
    except PermissionError:
        return "disabled", 403
