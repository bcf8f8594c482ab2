import re

PHONE = re.compile(r"^(\+\d{1,3}[- ]?)?\d{10}$")

# matches "key=value; key=value" cookie-like strings
PAIRS = re.compile(r"^(\w+=\w+;?\s*)+$")


def parse_pairs(s: str):
    if not PAIRS.match(s):
        raise ValueError("bad header")
    return dict(p.split("=") for p in re.split(r";\s*", s) if p)


def is_hex_color(s: str) -> bool:
    return re.fullmatch(r"#[0-9a-fA-F]{6}", s) is not None


def search_in(text: str, user_pattern: str):
    return re.findall(user_pattern, text)


def search_literal(text: str, user_term: str):
    return re.findall(re.escape(user_term), text)
