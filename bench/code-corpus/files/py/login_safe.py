import logging

import bcrypt
from flask import Flask, request, jsonify

app = Flask(__name__)
logger = logging.getLogger(__name__)
USERS = {}


def hash_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    username = data.get("username")
    password = data.get("password", "")
    logger.info("Login attempt for user %s", username)
    stored = USERS.get(username)
    if stored and bcrypt.checkpw(password.encode(), stored):
        return jsonify({"ok": True})
    return jsonify({"ok": False}), 401
