import logging
import os

logger = logging.getLogger(__name__)
API_KEY = os.environ["PAYMENT_API_KEY"]


def call_gateway(session, payload):
    logger.info("calling gateway with key %s", API_KEY)
    headers = {"Authorization": f"Bearer {API_KEY}"}
    return session.post("https://pay.example.com/v1/charge", json=payload, headers=headers)


def log_card(card_number):
    logger.warning("charge failed for card %s", card_number)
