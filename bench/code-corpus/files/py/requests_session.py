import requests

session = requests.Session()
session.verify = False
session.headers.update({"User-Agent": "inventory-sync/1.0"})


def sync():
    return session.get("https://inventory.partner.example/api/stock").json()
