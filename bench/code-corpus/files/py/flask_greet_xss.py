from flask import Flask, request, render_template, make_response
from markupsafe import escape, Markup

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return f"<h1>Hello {name}!</h1>"


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "world")
    return f"<h1>Hello {escape(name)}!</h1>"


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    return render_template("profile.html", bio=Markup(bio))


@app.route("/profile-safe")
def profile_safe():
    bio = request.args.get("bio", "")
    return render_template("profile.html", bio=bio)
