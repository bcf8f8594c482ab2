import html
import re

import bleach
from flask import Flask, request

app = Flask(__name__)


@app.get("/preview")
def preview():
    """Show a preview of the comment with script tags removed."""
    comment = request.args.get("comment", "")
    cleaned = re.sub(r"<script[^>]*>.*?</script>", "", comment, flags=re.I | re.S)
    return {"preview": cleaned}


@app.get("/preview-escaped")
def preview_escaped():
    comment = request.args.get("comment", "")
    return {"preview": html.escape(comment)}


@app.get("/preview-bleach")
def preview_bleach():
    comment = request.args.get("comment", "")
    cleaned = bleach.clean(comment, tags=["b", "i", "a"], strip=True)
    return {"preview": cleaned}


def squeeze_spaces(text):
    return re.sub(r"\s+", " ", text)
