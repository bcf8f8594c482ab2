import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305


def seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, data, aad)


def signing_key():
    return ec.generate_private_key(ec.SECP256R1())


def encrypt_for(public_key: rsa.RSAPublicKey, data: bytes) -> bytes:
    return public_key.encrypt(data, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))


def encrypt_for_legacy(public_key: rsa.RSAPublicKey, data: bytes) -> bytes:
    return public_key.encrypt(data, padding.PKCS1v15())
