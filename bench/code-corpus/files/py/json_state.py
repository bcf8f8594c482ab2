import base64
import json
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    blob = request.form["state"]
    state = json.loads(base64.b64decode(blob))
    return {"restored": list(state.keys())}
