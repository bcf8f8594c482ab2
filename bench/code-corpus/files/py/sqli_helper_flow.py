import pymysql
from flask import Blueprint, request

bp = Blueprint("reports", __name__)


def build_filter(column, value):
    return "WHERE {} = '{}'".format(column, value)


def run(sql):
    conn = pymysql.connect(host="db", user="report", database="sales")
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


@bp.route("/report")
def report():
    region = request.args["region"]
    where = build_filter("region", region)
    sql = "SELECT product, SUM(total) FROM sales " + where + " GROUP BY product"
    return {"rows": run(sql)}
