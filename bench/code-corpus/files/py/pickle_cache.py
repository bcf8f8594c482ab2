import base64
import pickle
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    blob = request.form["state"]
    state = pickle.loads(base64.b64decode(blob))
    return {"restored": list(state.keys())}


def load_local_model(path="/opt/models/model.pkl"):
    with open(path, "rb") as f:
        return pickle.load(f)
