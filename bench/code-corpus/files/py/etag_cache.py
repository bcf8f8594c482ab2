import hashlib
import json


def etag_for(payload: dict) -> str:
    body = json.dumps(payload, sort_keys=True).encode()
    return '"' + hashlib.md5(body).hexdigest() + '"'


def cache_key(url: str, params: dict) -> str:
    raw = url + "?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return "cache:" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


def file_digest(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()
