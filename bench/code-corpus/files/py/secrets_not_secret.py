import getpass
import os

TOKEN_URL = "https://oauth2.example.com/token"
PASSWORD_MIN_LENGTH = 12


def admin_password() -> str:
    return getpass.getpass("Admin password: ")


def api_key_from_file(path: str = "/run/secrets/api_key") -> str:
    with open(path) as f:
        api_key = f.read().strip()
    return api_key


def connect_redis():
    import redis
    return redis.Redis(host="cache", password=os.environ.get("REDIS_PASSWORD"))


def connect_redis_legacy():
    import redis
    return redis.Redis(host="cache", password="r3d1s-Pa55-example")
