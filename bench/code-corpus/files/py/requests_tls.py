import requests
import urllib3

urllib3.disable_warnings()


def fetch_invoice(invoice_id):
    url = f"https://billing.internal.example.com/api/invoices/{invoice_id}"
    resp = requests.get(url, verify=False, timeout=10)
    resp.raise_for_status()
    return resp.json()


def fetch_status():
    resp = requests.get("https://status.example.com/api/v2/status.json", timeout=5)
    return resp.json()


def fetch_internal(path):
    return requests.post("https://10.0.0.5" + path, verify="/etc/ssl/certs/internal-ca.pem", timeout=5)
