import psycopg2


def connect():
    return psycopg2.connect(
        host="db.prod.internal",
        user="app_admin",
        password="correct-horse-battery-staple",
        dbname="orders",
    )
