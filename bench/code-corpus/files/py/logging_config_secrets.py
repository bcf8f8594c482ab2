import logging
import os

log = logging.getLogger("payments")


def connect(dsn: str):
    log.info("connecting to database %s", dsn.split("@")[-1])


def charge(card):
    log.info("charging card ending in %s", card["number"][-4:])
    response = {"status": "pending"}
    log.debug("full card payload: %s", card)


def start():
    secret = os.environ["PAYMENT_SECRET"]
    log.info("starting with secret=%s", secret)
