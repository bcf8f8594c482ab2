from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-7h#k2$vq9x!exampleexampleexample0f3z@w1m"

DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]

LOGIN_URL = "/accounts/login/"
PASSWORD_RESET_TIMEOUT = 3600
