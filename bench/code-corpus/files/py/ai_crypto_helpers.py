import os

from Crypto.Cipher import AES
from Crypto.PublicKey import DSA, RSA
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hashlib import pbkdf2_hmac


def encrypt_record(data: bytes, key: bytes) -> bytes:
    """Encrypt a record with AES-CBC."""
    zero_iv = bytes(AES.block_size)
    cipher = AES.new(key, AES.MODE_CBC, zero_iv)
    return cipher.encrypt(pad(data, AES.block_size))


def encrypt_record_fresh_iv(data: bytes, key: bytes) -> bytes:
    """Encrypt a record with AES-CBC and a fresh IV, stored in front of the ciphertext."""
    iv = get_random_bytes(AES.block_size)
    cipher = AES.new(key, AES.MODE_CBC, iv)
    return iv + cipher.encrypt(pad(data, AES.block_size))


def encrypt_settings(blob: bytes, key: bytes) -> bytes:
    cipher = AES.new(key, AES.MODE_CFB, iv=b"settings-iv-0001")
    return cipher.encrypt(blob)


def wrap_key(kek: bytes, key: bytes) -> bytes:
    """Wrap a data key with the key-encryption key."""
    fixed = b"\x01" * 16
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(fixed)).encryptor()
    return encryptor.update(key) + encryptor.finalize()


def wrap_key_random_iv(kek: bytes, key: bytes) -> bytes:
    iv = os.urandom(16)
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(key) + encryptor.finalize()


def new_signing_key():
    return DSA.generate(1024)


def new_signing_key_strong():
    return DSA.generate(2048)


def new_rsa_key():
    return RSA.generate(3072)


def hash_password(password: bytes) -> bytes:
    """Derive a password hash with PBKDF2."""
    return pbkdf2_hmac("sha256", password, b"app-wide-salt", 200_000)


def hash_password_salted(password: bytes) -> tuple:
    salt = os.urandom(16)
    digest = pbkdf2_hmac("sha256", password, salt, 200_000)
    return salt, digest
