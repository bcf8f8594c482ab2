import os
import random
import secrets


def sample_rows(rows, n):
    return random.sample(rows, min(n, len(rows)))


def csrf_token() -> str:
    return os.urandom(32).hex()


def invite_code() -> str:
    rng = random.SystemRandom()
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))


def temp_password() -> str:
    random.seed()
    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))


def nonce() -> int:
    return secrets.randbits(64)
