from flask import Flask, request
import psycopg2

app = Flask(__name__)
conn = psycopg2.connect(dbname="analytics")


class Query:
    def __init__(self, table):
        self.table = table
        self.clauses = []

    def where(self, clause):
        self.clauses.append(clause)
        return self

    def sql(self):
        s = f"SELECT * FROM {self.table}"
        if self.clauses:
            s += " WHERE " + " AND ".join(self.clauses)
        return s


@app.route("/events")
def events():
    kind = request.args.get("kind", "click")
    q = Query("events").where(f"kind = '{kind}'")
    with conn.cursor() as cur:
        cur.execute(q.sql())
        return {"rows": cur.fetchall()}


@app.route("/events/recent")
def recent():
    days = int(request.args.get("days", "7"))
    q = Query("events").where(f"ts > now() - interval '{days} days'")
    with conn.cursor() as cur:
        cur.execute(q.sql())
        return {"rows": cur.fetchall()}
