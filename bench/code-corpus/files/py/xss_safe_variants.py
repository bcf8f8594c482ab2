import json

from flask import Flask, jsonify, render_template_string, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/api/user")
def api_user():
    return jsonify(name=request.args.get("name", ""))


@app.route("/page")
def page():
    return render_template_string("<p>Hello {{ name }}</p>", name=request.args.get("name", ""))


@app.route("/page-unsafe")
def page_unsafe():
    return render_template_string("<p>Hello {{ name|safe }}</p>", name=request.args.get("name", ""))


@app.route("/text")
def text():
    return request.args.get("msg", ""), 200, {"Content-Type": "text/plain; charset=utf-8"}


@app.route("/attr")
def attr():
    v = escape(request.args.get("v", ""))
    return f'<input value="{v}">'
