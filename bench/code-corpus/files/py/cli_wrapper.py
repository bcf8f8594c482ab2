import argparse
import subprocess


def lint_file(path: str) -> int:
    return subprocess.call(["ruff", "check", path])


def grep(pattern: str, root: str) -> str:
    return subprocess.check_output(["grep", "-rn", "--", pattern, root], text=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    args = ap.parse_args()
    raise SystemExit(lint_file(args.path))
