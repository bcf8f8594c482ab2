import random
import string


def generate_session_id():
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))


def generate_api_key():
    return "%032x" % random.getrandbits(128)


def generate_otp():
    return str(random.randint(100000, 999999))
