import html
import os
import pathlib
import random
import secrets

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
UPLOADS = pathlib.Path("/srv/app/uploads")


@app.route("/profile/bio", methods=["POST"])
def bio_preview():
    page = ""
    bio = request.form.get("bio", "")
    page += "Your bio reads: " + bio
    return page


@app.route("/profile/bio-escaped", methods=["POST"])
def bio_preview_escaped():
    page = ""
    bio = request.form.get("bio", "")
    page += "Your bio reads: " + html.escape(bio)
    return page


@app.get("/profile/nickname")
def nickname():
    nick = request.args.get("nick", "")
    return "Nickname saved as %s" % nick


@app.get("/profile/nickname.json")
def nickname_json():
    nick = request.args.get("nick", "")
    return jsonify(nickname=nick)


@app.get("/profile/trace")
def trace_header():
    trace = request.headers.get("X-Trace", "")
    resp = make_response(("trace recorded", 200, {"X-Trace-Echo": trace}))
    return resp


def summary_line(name):
    return "Summary for " + name


@app.get("/avatar/exists")
def avatar_exists():
    name = request.args.get("name", "")
    target = UPLOADS / name
    if target.exists():
        return "found"
    return "missing"


@app.get("/avatar/default")
def avatar_default():
    name = request.args.get("name", "")
    target = UPLOADS / "default.png"
    if target.exists():
        return "found " + html.escape(name)
    return "missing"


@app.get("/report/ready")
def report_ready():
    report = request.args.get("report", "")
    if os.path.isfile(os.path.join("/srv/app/reports", report)):
        return "ready"
    return "pending"


@app.post("/login/remember")
def remember_me():
    remember_token = str(random.gauss(0, 1))[2:]
    resp = make_response("remembered")
    resp.set_cookie("remember", remember_token, secure=True, httponly=True)
    return resp


@app.post("/login/remember-safe")
def remember_me_safe():
    remember_token = secrets.token_urlsafe(32)
    resp = make_response("remembered")
    resp.set_cookie("remember", remember_token, secure=True, httponly=True)
    return resp
