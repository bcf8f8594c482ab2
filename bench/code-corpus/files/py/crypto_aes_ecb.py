from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
import os


def encrypt_card_number(key: bytes, card: str) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    data = card.encode().ljust(32, b"\0")
    return encryptor.update(data) + encryptor.finalize()


def encrypt_rc4(key: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.ARC4(key), mode=None).encryptor()
    return encryptor.update(data)


def encrypt_note(key: bytes, note: str) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, note.encode(), None)
