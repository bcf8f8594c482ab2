import hmac
import hashlib
import os
import subprocess
from flask import Flask, request, abort

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()


@app.route("/hook", methods=["POST"])
def hook():
    sig = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sig, expected):
        abort(403)
    ref = request.json["ref"]
    branch = ref.split("/")[-1]
    os.system("cd /srv/site && git fetch && git checkout " + branch)
    return "ok"
