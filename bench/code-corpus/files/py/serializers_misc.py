import marshal
import types

import jsonpickle
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/state", methods=["POST"])
def state():
    obj = jsonpickle.decode(request.data)
    return {"type": type(obj).__name__}


@app.route("/api/code", methods=["POST"])
def code():
    co = marshal.loads(request.data)
    fn = types.FunctionType(co, {})
    return {"result": fn()}


@app.route("/api/config", methods=["POST"])
def config():
    return yaml.load(request.data, Loader=yaml.UnsafeLoader)
