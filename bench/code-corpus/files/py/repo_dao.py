import sqlite3


class UserRepo:
    def __init__(self, path="app.db"):
        self.conn = sqlite3.connect(path)

    def _where(self, **filters):
        parts = [f"{k} = '{v}'" for k, v in filters.items()]
        return " AND ".join(parts)

    def find(self, **filters):
        sql = "SELECT * FROM users WHERE " + self._where(**filters)
        return self.conn.execute(sql).fetchall()

    def find_safe(self, **filters):
        allowed = {"email", "name", "status"}
        cols = [k for k in filters if k in allowed]
        sql = "SELECT * FROM users WHERE " + " AND ".join(f"{c} = ?" for c in cols)
        return self.conn.execute(sql, [filters[c] for c in cols]).fetchall()


def handle(request):
    repo = UserRepo()
    return repo.find(email=request.args["email"])
