import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("http")

DATABASE_URL = "postgresql://app:{}@db/app"


@app.before_request
def log_request():
    log.debug("headers: %s", dict(request.headers))


@app.before_request
def log_request_safe():
    log.info("%s %s", request.method, request.path)


def connect(password):
    url = DATABASE_URL.format(password)
    print(f"Connecting to {url}")
    return url
