import sqlite3

ALLOWED_SORT = {"name": "name", "created": "created_at", "price": "price"}


def list_products(conn: sqlite3.Connection, sort_key: str, limit: str):
    column = ALLOWED_SORT.get(sort_key, "name")
    n = int(limit)
    sql = "SELECT id, name, price FROM products ORDER BY " + column + " LIMIT " + str(n)
    return conn.execute(sql).fetchall()


def count_active(conn: sqlite3.Connection):
    table = "products"
    sql = f"SELECT COUNT(*) FROM {table} WHERE active = 1"
    return conn.execute(sql).fetchone()[0]
