import base64
import os

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def make_box():
    return Fernet(Fernet.generate_key())


def encrypt_blowfish(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    enc = Cipher(algorithms.Blowfish(key), modes.CBC(iv)).encryptor()
    return iv + enc.update(data) + enc.finalize()


def encrypt_3des(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(8)
    enc = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return base64.b64encode(iv + enc.update(data) + enc.finalize())
