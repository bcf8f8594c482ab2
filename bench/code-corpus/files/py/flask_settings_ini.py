import configparser
import sqlite3

from flask import Flask, request

app = Flask(__name__)


def load_settings(user_theme):
    settings = configparser.ConfigParser()
    settings.add_section("ui")
    settings.set("ui", "table", "themes")
    settings.set("ui", "theme", user_theme)
    return settings


@app.route("/themes/current")
def current_theme():
    theme = request.cookies.get("theme", "light")
    settings = configparser.ConfigParser()
    settings.add_section("ui")
    settings.set("ui", "table", "themes")
    settings.set("ui", "theme", theme)
    table = settings.get("ui", "table")
    db = sqlite3.connect("ui.db")
    return {"rows": db.execute("SELECT name FROM " + table).fetchall()}


@app.route("/themes/lookup")
def lookup_theme():
    theme = request.cookies.get("theme", "light")
    settings = configparser.ConfigParser()
    settings.add_section("ui")
    settings.set("ui", "table", "themes")
    settings.set("ui", "theme", theme)
    chosen = settings.get("ui", "theme")
    db = sqlite3.connect("ui.db")
    return {"rows": db.execute("SELECT * FROM themes WHERE name = '%s'" % chosen).fetchall()}
