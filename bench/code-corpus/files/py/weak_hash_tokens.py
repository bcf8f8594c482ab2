import hashlib
import time


def make_reset_token(email):
    seed = f"{email}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def store_password(db, user_id, password):
    digest = hashlib.sha1(password.encode("utf-8")).hexdigest()
    db.execute("UPDATE users SET pw = ? WHERE id = ?", (digest, user_id))


def verify_api_signature(secret, body, signature):
    expected = hashlib.md5((secret + body).encode()).hexdigest()
    return expected == signature
