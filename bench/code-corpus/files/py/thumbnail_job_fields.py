import subprocess
from flask import Flask, request

app = Flask(__name__)


class ResizeJob:
    def __init__(self, source):
        self.source = source
        self.tool = "/usr/bin/convert"


def run_job(job):
    subprocess.run(job.tool + " -resize 128x128 in.png out.png", shell=True)


def run_job_from_source(job):
    subprocess.run("convert " + job.source + " out.png", shell=True)


@app.route("/thumb")
def thumb():
    job = ResizeJob(request.args.get("src", ""))
    run_job(job)
    run_job_from_source(job)
    return "queued"
