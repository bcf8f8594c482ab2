from flask import Flask, request

app = Flask(__name__)


@app.route("/sort", methods=["POST"])
def sort_items():
    items = request.json["items"]
    key_expr = request.json["key"]
    key_fn = eval(f"lambda item: {key_expr}")
    return {"items": sorted(items, key=key_fn)}


@app.route("/run", methods=["POST"])
def run_snippet():
    src = request.form["code"]
    exec(compile(src, "<snippet>", "exec"), {})
    return {"ok": True}


@app.route("/sort2", methods=["POST"])
def sort_items_safe():
    items = request.json["items"]
    field = request.json["key"]
    if field not in {"name", "price", "created"}:
        return {"error": "bad key"}, 400
    return {"items": sorted(items, key=lambda item: item[field])}
