import re

# Validation patterns for the signup form.
EMAIL_RE = re.compile(r"^([a-zA-Z0-9_\.\-]+)+@([a-zA-Z0-9\-]+\.)+[a-zA-Z]{2,}$")

# URL slugs and US zip codes.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")


def is_email(value: str) -> bool:
    return bool(EMAIL_RE.match(value))


def is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value))
