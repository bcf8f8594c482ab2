from flask import Flask, request

app = Flask(__name__)

MODES = "SEX"


@app.post("/calc/simple")
def calc_simple():
    expression = request.form.get("expr", "")
    mode = MODES[0]
    match mode:
        case "S":
            formula = "1 + 1"
        case "E":
            formula = expression
        case _:
            formula = "0"
    return str(eval(formula))


@app.post("/calc/expert")
def calc_expert():
    expression = request.form.get("expr", "")
    mode = MODES[1]
    match mode:
        case "S":
            formula = "1 + 1"
        case "E" | "X":
            formula = expression
        case _:
            formula = "0"
    return str(eval(formula))
