import re
from flask import Flask, request

app = Flask(__name__)


@app.route("/check")
def check():
    text = request.args.get("text", "")
    if re.match(r"^(\w+\s?)*$", text):
        return "words"
    return "other"


@app.route("/version")
def version():
    v = request.args.get("v", "")
    if re.fullmatch(r"\d+\.\d+\.\d+", v):
        return "semver"
    return "bad"


def strip_trailing(line):
    return re.sub(r"(a|aa)+$", "", line)
