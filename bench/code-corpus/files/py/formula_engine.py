import operator
import re

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def evaluate_simple(expr: str) -> float:
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*([-+*/])\s*(-?\d+(?:\.\d+)?)\s*", expr)
    if not m:
        raise ValueError("unsupported expression")
    a, op, b = m.groups()
    return OPS[op](float(a), float(b))


def evaluate_user_formula(row: dict, formula: str):
    return eval(formula, {}, row)


def handle_sheet_request(request):
    row = {"price": 10.0, "qty": 3}
    return {"value": evaluate_user_formula(row, request.json["formula"])}
