import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/invoice")
def invoice():
    invoice_id = int(request.args["id"])
    conn = sqlite3.connect("billing.db")
    row = conn.execute("SELECT * FROM invoices WHERE id = %d" % invoice_id).fetchone()
    return {"invoice": row}


@app.route("/invoices")
def invoices():
    status = request.args.get("status", "open")
    conn = sqlite3.connect("billing.db")
    sql = "SELECT * FROM invoices WHERE 1 = 1"
    params = []
    if status:
        sql += " AND status = ?"
        params.append(status)
    return {"rows": conn.execute(sql, params).fetchall()}


@app.route("/invoices/by-customer")
def by_customer():
    customer = request.args["customer"]
    conn = sqlite3.connect("billing.db")
    sql = "SELECT * FROM invoices WHERE 1 = 1"
    sql += " AND customer = '" + customer + "'"
    return {"rows": conn.execute(sql).fetchall()}
