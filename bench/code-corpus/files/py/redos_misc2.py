import re

NUMBER_LIST = re.compile(r"^(\d+)+$")

QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def parse_numbers(s):
    return NUMBER_LIST.match(s) is not None


def collapse_spaces(s):
    return re.sub(r"\s+", " ", s)
