import psycopg2


def fetch_orders(conn, customer_id, status):
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM orders WHERE customer_id = {customer_id} AND status = '{status}'")
    return cur.fetchall()


def fetch_orders_safe(conn, customer_id, status):
    cur = conn.cursor()
    cur.execute(
        "SELECT * FROM orders WHERE customer_id = %s AND status = %s",
        (customer_id, status),
    )
    return cur.fetchall()


def orders_view(request, conn):
    return fetch_orders(conn, request.args["customer"], request.args.get("status", "open"))
