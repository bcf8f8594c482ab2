import mysql.connector
from flask import Flask, request

app = Flask(__name__)


def db():
    return mysql.connector.connect(host="localhost", user="web", database="blog")


@app.route("/post")
def post():
    slug = request.args["slug"]
    cur = db().cursor(dictionary=True)
    cur.execute("SELECT * FROM posts WHERE slug = %s", (slug,))
    return cur.fetchone() or {}


@app.route("/tag")
def tag():
    name = request.args["name"]
    cur = db().cursor(dictionary=True)
    stmt = "SELECT p.* FROM posts p JOIN tags t ON t.post_id = p.id WHERE t.name = '%s'" % name
    cur.execute(stmt)
    return {"posts": cur.fetchall()}


@app.route("/bulk-delete", methods=["POST"])
def bulk_delete():
    ids = [int(x) for x in request.form.getlist("id")]
    placeholders = ", ".join(["%s"] * len(ids))
    cur = db().cursor()
    cur.execute(f"DELETE FROM posts WHERE id IN ({placeholders})", ids)
    return {"deleted": cur.rowcount}
