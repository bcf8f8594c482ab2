import sqlite3

from flask import Flask, request

app = Flask(__name__)


def connect():
    return sqlite3.connect("reports.db")


@app.route("/reports/by-region")
def reports_by_region():
    region = request.args.get("region", "")
    filters = {}
    filters["sort-column"] = "created_at"
    filters["region-name"] = region
    column = filters["sort-column"]
    db = connect()
    rows = db.execute("SELECT * FROM reports ORDER BY " + column).fetchall()
    return {"rows": rows}


@app.route("/reports/by-owner")
def reports_by_owner():
    owner = request.args.get("owner", "")
    filters = {}
    filters["sort-column"] = "created_at"
    filters["owner-name"] = owner
    wanted = filters["owner-name"]
    db = connect()
    rows = db.execute(f"SELECT * FROM reports WHERE owner = '{wanted}'").fetchall()
    return {"rows": rows}
