from fastapi import FastAPI
from sqlalchemy import create_engine, text

app = FastAPI()
engine = create_engine("postgresql+psycopg2://app@localhost/app")


@app.get("/items")
def items(category: str):
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT id, title FROM items WHERE category = '{category}'"))
        return [dict(r._mapping) for r in result]


@app.get("/items/by-owner")
def items_by_owner(owner: str):
    with engine.connect() as conn:
        result = conn.execute(text("SELECT id, title FROM items WHERE owner = :owner"), {"owner": owner})
        return [dict(r._mapping) for r in result]
