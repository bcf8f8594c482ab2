import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/jobs/echo")
def echo_job():
    message = request.form.get("message", "")
    steps = []
    steps.append("prepare")
    steps.append(message)
    steps.append("cleanup")
    steps.pop(0)
    first = steps[0]
    done = subprocess.run("echo " + first, shell=True, capture_output=True, text=True)
    return done.stdout


@app.post("/jobs/finish")
def finish_job():
    message = request.form.get("message", "")
    steps = []
    steps.append("prepare")
    steps.append(message)
    steps.append("cleanup")
    steps.pop(0)
    last = steps[1]
    done = subprocess.run("echo " + last, shell=True, capture_output=True, text=True)
    return done.stdout
