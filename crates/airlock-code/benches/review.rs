//! In-process review speed: a 50-line snippet as an assistant would answer it, and the
//! same snippet inside a Markdown answer (`cargo bench -p airlock-code --bench review`).

use airlock_code::{review_markdown, Analyzer, Language};
use criterion::{criterion_group, criterion_main, Criterion};

const SNIPPET: &str = r#"import hashlib
import logging
import os
import sqlite3
import subprocess

from flask import Flask, request, jsonify

app = Flask(__name__)
log = logging.getLogger(__name__)
DB = os.environ.get("DB_PATH", "app.db")


def get_db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    digest = hashlib.md5(password.encode()).hexdigest()
    log.info("login attempt %s %s", username, password)
    db = get_db()
    row = db.execute(
        "SELECT id FROM users WHERE name = '" + username + "' AND pw = '" + digest + "'"  # airlock:allow deliberately vulnerable benchmark snippet
    ).fetchone()
    if row is None:
        return jsonify({"ok": False}), 401
    return jsonify({"ok": True, "id": row["id"]})


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    out = subprocess.check_output("ping -c 1 " + host, shell=True)
    return out


@app.route("/users/<int:user_id>")
def user(user_id):
    db = get_db()
    row = db.execute("SELECT name FROM users WHERE id = ?", (user_id,)).fetchone()
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(debug=True)
"#;

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    assert!(SNIPPET.lines().count() >= 50);
    assert!(analyzer.analyze(SNIPPET, Language::Python).len() >= 5);
    c.bench_function("review_snippet_50_lines_python", |b| {
        b.iter(|| analyzer.analyze(std::hint::black_box(SNIPPET), Language::Python))
    });
    let answer = format!(
        "Here is a Flask app:\n\n```python\n{SNIPPET}```\n\nRun it with `python app.py`.\n"
    );
    c.bench_function("review_markdown_answer_50_lines", |b| {
        b.iter(|| review_markdown(&analyzer, std::hint::black_box(&answer)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
