#!/usr/bin/env python3
"""Checks bench/code-corpus/cases.jsonl against files/ and prints counts.

    python3 bench/code-corpus/validate.py [CASES.jsonl] [FILES_DIR]

Errors (exit 1): missing file, line out of range or blank, duplicate id, unknown class,
label, scope or language directory. Warnings: a vulnerable case with another labeled
line of the same class right above or below it (the scorer credits a vulnerable case with a
finding one line above or below, so the neighbour could hide a miss or a false positive).
"""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["sqli", "cmdi", "weak-hash", "weak-crypto", "tls-verify", "insecure-random",
           "deserialization", "eval", "hardcoded-secret", "log-secret", "redos",
           "path-traversal", "xss", "jwt"]
LANGS = ["py", "js", "ts", "java", "go", "php", "rb", "cs", "c", "cpp", "rs", "kt", "sh"]


def main():
    cases_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "cases.jsonl")
    files_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "files")
    errors, warnings = [], []
    ids, cases = set(), []
    for n, raw in enumerate(open(cases_path, encoding="utf-8"), 1):
        if not raw.strip():
            continue
        try:
            c = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"cases line {n}: bad JSON: {e}")
            continue
        for k in ("id", "file", "line", "class", "label", "scope", "source"):
            if k not in c:
                errors.append(f"{c.get('id', n)}: missing field {k}")
        if c.get("id") in ids:
            errors.append(f"duplicate id {c.get('id')}")
        ids.add(c.get("id"))
        if c.get("class") not in CLASSES:
            errors.append(f"{c.get('id')}: unknown class {c.get('class')}")
        if c.get("label") not in ("vulnerable", "safe"):
            errors.append(f"{c.get('id')}: bad label {c.get('label')}")
        if c.get("scope") not in ("line", "file"):
            errors.append(f"{c.get('id')}: bad scope {c.get('scope')}")
        lang = str(c.get("file", "")).split("/")[0]
        if lang not in LANGS:
            errors.append(f"{c.get('id')}: file not under a known language dir: {c.get('file')}")
        path = os.path.join(files_dir, str(c.get("file", "")))
        if not os.path.isfile(path):
            errors.append(f"{c.get('id')}: missing file {c.get('file')}")
            continue
        lines = open(path, encoding="utf-8").read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        ln = c.get("line")
        if not isinstance(ln, int) or ln < 1 or ln > len(lines):
            errors.append(f"{c.get('id')}: line {ln} outside {c['file']} ({len(lines)} lines)")
            continue
        if not lines[ln - 1].strip():
            errors.append(f"{c.get('id')}: line {ln} of {c['file']} is blank")
        c["_lang"] = lang
        cases.append(c)
    by_file = collections.defaultdict(list)
    for c in cases:
        by_file[(c["file"], c["class"])].append(c)
    for (f, cls), cs in by_file.items():
        cs.sort(key=lambda c: c["line"])
        for a, b in zip(cs, cs[1:]):
            if b["line"] - a["line"] <= 1 and "vulnerable" in (a["label"], b["label"]):
                warnings.append(f"{f}: {cls} cases {a['id']} (line {a['line']}) and {b['id']} (line {b['line']}) are adjacent")
    # counts
    tab = collections.Counter((c["class"], c["_lang"], c["label"]) for c in cases)
    langs = [l for l in LANGS if any(c["_lang"] == l for c in cases)]
    print(f"{'class':17}" + "".join(f"{l:>8}" for l in langs) + f"{'total':>10}")
    for cls in CLASSES:
        row = f"{cls:17}"
        tv = ts = 0
        for l in langs:
            v, s = tab[(cls, l, "vulnerable")], tab[(cls, l, "safe")]
            tv += v; ts += s
            row += f"{(f'{v}/{s}' if v or s else '.'):>8}"
        print(row + f"{f'{tv}/{ts}':>10}")
    row = f"{'total':17}"
    for l in langs:
        v = sum(tab[(k, l, 'vulnerable')] for k in CLASSES)
        s = sum(tab[(k, l, 'safe')] for k in CLASSES)
        row += f"{f'{v}/{s}':>8}"
    nv = sum(1 for c in cases if c["label"] == "vulnerable")
    print(row + f"{f'{nv}/{len(cases) - nv}':>10}")
    nfiles = len({c["file"] for c in cases})
    print(f"\n{len(cases)} cases ({nv} vulnerable, {len(cases) - nv} safe; cells are vulnerable/safe) in {nfiles} files")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
