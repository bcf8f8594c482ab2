import html

import paramiko
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/greet")
def greet(name: str):
    """Greet the visitor by name."""
    return HTMLResponse(content="<h2>Welcome, " + name + "!</h2>")


@app.get("/greet-escaped")
def greet_escaped(name: str):
    return HTMLResponse(content="<h2>Welcome, " + html.escape(name) + "!</h2>")


def run_remote(host: str, command: str):
    """Run a maintenance command on a host over SSH."""
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username="ops")
    return client.exec_command(command)


def run_remote_known_hosts(host: str, command: str):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="ops")
    return client.exec_command(command)
