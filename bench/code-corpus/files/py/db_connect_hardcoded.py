import psycopg2


def connect():
    return psycopg2.connect(
        host="db.prod.internal",
        user="app_admin",
        password="Tr0ub4dor&3-example",
        dbname="orders",
    )
