import secrets
import string


def generate_session_id():
    return secrets.token_urlsafe(32)


def generate_otp():
    return "".join(secrets.choice(string.digits) for _ in range(6))
