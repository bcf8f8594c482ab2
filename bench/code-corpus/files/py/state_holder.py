import subprocess
from flask import Flask, request

app = Flask(__name__)


class Job:
    def __init__(self, target: str):
        self.target = target

    def command(self) -> str:
        return f"nmap -sV {self.target}"

    def run(self):
        return subprocess.check_output(self.command(), shell=True)


@app.route("/scan", methods=["POST"])
def scan():
    job = Job(request.json["target"])
    return {"out": job.run().decode()}
