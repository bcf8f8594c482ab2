import ssl
import urllib.request


def insecure_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def download(url):
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=ctx) as r:
        return r.read()


def download_secure(url):
    ctx = ssl.create_default_context()
    with urllib.request.urlopen(url, context=ctx) as r:
        return r.read()
