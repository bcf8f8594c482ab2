import pandas as pd
from flask import Flask, request

app = Flask(__name__)
df = pd.read_csv("/srv/data/sales.csv")


@app.route("/margin")
def margin():
    out = df.eval("revenue - cost")
    return out.to_json()
