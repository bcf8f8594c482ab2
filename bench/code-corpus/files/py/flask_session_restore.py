import base64
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)

DEFAULT_STATE = base64.b64encode(pickle.dumps({"theme": "light"})).decode()
DEFAULT_DOC = "theme: light\nitems: []\n"


@app.route("/state/default")
def default_state():
    blob = "gASVFQAAAAAAAAB9lIwFdGhlbWWUjAVsaWdodJRzLg=="
    state = pickle.loads(base64.b64decode(blob))
    return state


@app.route("/state/restore")
def restore_state():
    blob = request.cookies.get("state", "")
    state = pickle.loads(base64.b64decode(blob))
    return state


@app.route("/layout/default")
def default_layout():
    doc = "theme: light\nitems: []\n"
    return yaml.load(doc, Loader=yaml.Loader)


@app.route("/layout/import", methods=["POST"])
def import_layout():
    doc = request.get_data(as_text=True)
    return yaml.load(doc, Loader=yaml.Loader)
