import hashlib
import logging
import sqlite3
from flask import Flask, request, jsonify

app = Flask(__name__)
logger = logging.getLogger(__name__)


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    username = data.get("username")
    password = data.get("password")
    logger.info(f"Login attempt for user {username} with password {password}")

    conn = sqlite3.connect("users.db")
    cursor = conn.cursor()
    cursor.execute(
        "SELECT id FROM users WHERE username = ? AND password_hash = ?",
        (username, hash_password(password)),
    )
    user = cursor.fetchone()
    if user:
        return jsonify({"message": "Login successful", "user_id": user[0]})
    return jsonify({"message": "Invalid credentials"}), 401
