import os
from flask import Flask, request, abort

app = Flask(__name__)
BASE = "/srv/app/templates"


@app.route("/tpl")
def tpl():
    name = request.args["name"]
    if ".." in name:
        abort(400)
    with open(os.path.join(BASE, name)) as f:
        return f.read()


@app.route("/tpl2")
def tpl2():
    name = request.args["name"].replace("../", "")
    with open(BASE + "/" + name) as f:
        return f.read()


@app.route("/tpl3")
def tpl3():
    name = request.args["name"]
    allowed = set(os.listdir(BASE))
    if name not in allowed:
        abort(404)
    with open(os.path.join(BASE, name)) as f:
        return f.read()
