import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/tools/version")
def tool_version():
    tool = request.args.get("tool", "")
    out = subprocess.check_output([tool, "--version"])
    return jsonify(version=out.decode())


@app.route("/tools/list")
def tool_list():
    folder = request.args.get("folder", ".")
    out = subprocess.check_output(["ls", "-1", folder])
    return jsonify(files=out.decode().splitlines())
