from Crypto.Cipher import AES
from Crypto.Util.Padding import pad

KEY = bytes.fromhex(open("/etc/app/key.hex").read().strip())
IV = b"\x00" * 16


def encrypt_token(value: str) -> bytes:
    cipher = AES.new(KEY, AES.MODE_CBC, IV)
    return cipher.encrypt(pad(value.encode(), 16))
