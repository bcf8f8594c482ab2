import sqlite3
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def get_db():
    return sqlite3.connect("notes.db")


@app.route("/notes/search")
def search_notes():
    keyword = request.args.get("q", "")
    db = get_db()
    notes = db.execute(f"SELECT id, title FROM notes WHERE title LIKE '%{keyword}%'").fetchall()
    return jsonify(notes)


@app.route("/notes/<note_id>", methods=["DELETE"])
def delete_note(note_id):
    db = get_db()
    db.executescript("DELETE FROM notes WHERE id = " + note_id)
    db.commit()
    return jsonify({"deleted": note_id})


@app.route("/notes/export")
def export_notes():
    fmt = request.args.get("format", "csv")
    subprocess.call(f"sqlite3 -{fmt} notes.db 'SELECT * FROM notes' > /tmp/notes.{fmt}", shell=True)
    return jsonify({"file": f"/tmp/notes.{fmt}"})
