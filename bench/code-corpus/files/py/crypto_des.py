from Crypto.Cipher import DES, AES
from Crypto.Random import get_random_bytes


def encrypt_legacy(key8: bytes, data: bytes) -> bytes:
    cipher = DES.new(key8, DES.MODE_ECB)
    pad = 8 - len(data) % 8
    return cipher.encrypt(data + bytes([pad]) * pad)


def encrypt_modern(key: bytes, data: bytes) -> bytes:
    nonce = get_random_bytes(12)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    ct, tag = cipher.encrypt_and_digest(data)
    return nonce + tag + ct
