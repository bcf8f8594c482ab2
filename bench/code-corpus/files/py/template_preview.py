from jinja2 import Environment, select_autoescape
from flask import Flask, request

app = Flask(__name__)
env = Environment(autoescape=select_autoescape(["html"]))

PAGE = env.from_string("<html><body><h1>{{ title }}</h1><div>{{ body }}</div></body></html>")


@app.route("/preview")
def preview():
    return PAGE.render(title=request.args.get("title", ""), body=request.args.get("body", ""))


@app.route("/preview-raw")
def preview_raw():
    body = request.args.get("body", "")
    html = "<html><body><div>" + body + "</div></body></html>"
    return app.response_class(html, mimetype="text/html")
