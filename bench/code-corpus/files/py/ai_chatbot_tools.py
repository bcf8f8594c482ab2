"""Tools exposed to the LLM agent."""
import subprocess

import requests


def tool_run_python(code: str) -> str:
    """Execute python code the model wrote and return stdout."""
    local_vars = {}
    exec(code, {}, local_vars)
    return str(local_vars.get("result"))


def tool_shell(command: str) -> str:
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


def tool_fetch(url: str) -> str:
    return requests.get(url, timeout=10).text


TOOLS = {"run_python": tool_run_python, "shell": tool_shell, "fetch": tool_fetch}
