import subprocess
from flask import Flask, request

app = Flask(__name__)


def export_report(user_format):
    commands = {"csv": "report --csv", "json": "report --json", "custom": user_format}
    subprocess.run(commands["custom"], shell=True)


def export_default(user_format):
    commands = {"csv": "report --csv", "json": "report --json", "custom": user_format}
    subprocess.run(commands["csv"], shell=True)


@app.route("/export")
def export():
    fmt = request.args.get("format", "")
    export_report(fmt)
    export_default(fmt)
    return "ok"
