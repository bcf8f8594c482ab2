import smtplib
import ssl

import requests


def post_event(payload):
    return requests.post("https://events.example.com/ingest", json=payload, verify=True, timeout=5)


def send_mail(msg):
    ctx = ssl.create_default_context()
    with smtplib.SMTP("smtp.example.com", 587) as s:
        s.starttls(context=ctx)
        s.send_message(msg)


def send_mail_legacy(msg):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with smtplib.SMTP("smtp.example.com", 587) as s:
        s.starttls(context=ctx)
        s.send_message(msg)
