import json
import urllib.request
from http.server import BaseHTTPRequestHandler
import html

import requests


def load_remote_config(url):
    """Load a JSON config from a URL."""
    with urllib.request.urlopen(url) as resp:
        return json.load(resp)


def load_remote_config_https(url):
    if not url.startswith("https://"):
        raise ValueError("only https URLs are allowed")
    with urllib.request.urlopen(url) as resp:
        return json.load(resp)


def load_remote_config_requests(url):
    return requests.get(url, timeout=5).json()


class EchoHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<pre>" + body + b"</pre>")


class SafeEchoHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode("utf-8", "replace")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(("<pre>" + html.escape(body) + "</pre>").encode())
