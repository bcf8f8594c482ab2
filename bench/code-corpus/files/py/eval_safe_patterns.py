import json
import operator

OPS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}


def apply_op(name: str, a: float, b: float) -> float:
    return OPS[name](a, b)


def parse_payload(raw: str) -> dict:
    return json.loads(raw)


def compile_constant_expr():
    code = compile("2 ** 10", "<const>", "eval")
    return eval(code)
