import logging.config
import subprocess as sp

from flask import Flask, request

app = Flask(__name__)


def start_config_listener():
    return logging.config.listen(9030)


def start_signed_config_listener(check):
    return logging.config.listen(9031, verify=check)


@app.route("/admin/ping")
def ping():
    host = request.args.get("host", "")
    out = sp.check_output("ping -c 1 " + host, shell=True)
    return out


@app.route("/admin/uptime")
def uptime():
    out = sp.check_output(["uptime"])
    return out


def is_admin(password):
    return password == "Adm1n-Passw0rd-2024"


def is_user(password, stored_hash):
    return check_password_hash(stored_hash, password)
