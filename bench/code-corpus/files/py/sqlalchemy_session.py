from flask import Flask, request
from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import engine

app = Flask(__name__)


@app.route("/accounts")
def accounts():
    owner = request.args["owner"]
    with Session(engine) as session:
        rows = session.execute(text("SELECT * FROM accounts WHERE owner = '%s'" % owner)).all()
        return {"rows": [dict(r._mapping) for r in rows]}


@app.route("/accounts/safe")
def accounts_safe():
    owner = request.args["owner"]
    with Session(engine) as session:
        rows = session.execute(text("SELECT * FROM accounts WHERE owner = :o").bindparams(o=owner)).all()
        return {"rows": [dict(r._mapping) for r in rows]}
