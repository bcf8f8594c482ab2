import os
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    output = subprocess.check_output("ping -c 1 " + host, shell=True)
    return output


@app.route("/ping2")
def ping2():
    host = request.args.get("host", "127.0.0.1")
    output = subprocess.run(["ping", "-c", "1", host], capture_output=True, shell=False)
    return output.stdout


@app.route("/nslookup")
def nslookup():
    domain = request.form["domain"]
    stream = os.popen(f"nslookup {domain}")
    return stream.read()
