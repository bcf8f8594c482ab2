import sqlite3
from flask import Flask, request, jsonify

app = Flask(__name__)
DB_PATH = "app.db"


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/users/search")
def search_users():
    name = request.args.get("name", "")
    conn = get_db()
    query = "SELECT id, name, email FROM users WHERE name LIKE '%" + name + "%'"
    rows = conn.execute(query).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/users/<int:user_id>")
def get_user(user_id):
    conn = get_db()
    row = conn.execute("SELECT id, name, email FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
