import httpx


class PaymentsClient:
    def __init__(self, base_url: str, api_key: str):
        self.client = httpx.Client(base_url=base_url, verify=False, headers={"Authorization": f"Bearer {api_key}"})

    def charge(self, amount_cents: int, customer: str):
        return self.client.post("/charges", json={"amount": amount_cents, "customer": customer}).json()
