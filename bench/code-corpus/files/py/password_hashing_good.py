import hashlib
import hmac
import os

from argon2 import PasswordHasher

ph = PasswordHasher()


def hash_pw(password: str) -> str:
    return ph.hash(password)


def pbkdf2_hash(password: str) -> str:
    salt = os.urandom(16)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    return salt.hex() + ":" + dk.hex()


def sign(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()
