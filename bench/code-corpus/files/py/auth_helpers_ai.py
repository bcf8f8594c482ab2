import hashlib
import random
import time


def hash_password(password, salt="s@lt"):
    return hashlib.new("md5", (salt + password).encode()).hexdigest()


def make_session_id(user_id):
    return f"{user_id}-{int(time.time())}-{random.randint(1000, 9999)}"


def make_api_token():
    return str(random.random())[2:] + str(random.random())[2:]


def hash_api_key(api_key):
    return hashlib.sha1(api_key.encode()).hexdigest()
