#!/usr/bin/env python3
"""Builds files/** and cases.jsonl from the annotated sources in authoring/*.txt.

A bundle holds several files, each introduced by a header line `=== <relative path>`.
A labeled line ends with a marker `⟪V:class⟫` (vulnerable) or `⟪S:class⟫` (safe),
optionally `⟪V:class:free-text note⟫`. The marker (and the whitespace before it) is
stripped from the written file; the line number of that line becomes the case's line.

    python3 bench/code-corpus/build.py        # rewrites files/ and cases.jsonl
"""
import collections, json, os, re, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
AUTH = os.path.join(HERE, "authoring")
FILES = os.path.join(HERE, "files")
MARK = re.compile(r"\s*⟪([VS]):([a-z-]+)(?::([^⟫]*))?⟫\s*$")
LANG = {"py": "python", "js": "javascript", "ts": "typescript", "java": "java", "go": "go",
        "php": "php", "rb": "ruby", "cs": "csharp", "c": "c", "cpp": "cpp", "rs": "rust",
        "kt": "kotlin", "sh": "shell"}


def parse(path):
    cur, out = None, []
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("=== "):
            cur = [line[4:].strip(), []]
            out.append(cur)
        elif cur is not None:
            cur[1].append(line)
        elif line.strip():
            sys.exit(f"{path}: text before the first === header: {line!r}")
    return out


def main():
    bundles = sorted(f for f in os.listdir(AUTH) if f.endswith(".txt"))
    files, seen = [], set()
    for b in bundles:
        for rel, lines in parse(os.path.join(AUTH, b)):
            if rel in seen:
                sys.exit(f"{b}: duplicate file {rel}")
            seen.add(rel)
            while lines and not lines[-1].strip():
                lines.pop()
            while lines and not lines[0].strip():
                lines.pop(0)
            files.append((rel, lines))
    if os.path.isdir(FILES):
        shutil.rmtree(FILES)
    counters = collections.Counter()
    cases = []
    for rel, lines in sorted(files):
        dirn = rel.split("/")[0]
        lang = LANG[dirn]
        text = []
        for i, line in enumerate(lines, 1):
            m = MARK.search(line)
            if m:
                label = "vulnerable" if m.group(1) == "V" else "safe"
                cls = m.group(2)
                counters[(dirn, cls)] += 1
                case = {"id": f"{dirn}-{cls}-{counters[(dirn, cls)]:03d}", "file": rel, "line": i,
                        "class": cls, "label": label, "scope": "line",
                        "source": f"airlock-corpus/{lang}"}
                if m.group(3):
                    case["note"] = m.group(3).strip()
                cases.append(case)
                line = line[:m.start()]
            if "⟪" in line or "⟫" in line:
                sys.exit(f"{rel}:{i}: malformed marker")
            text.append(line.rstrip())
        dst = os.path.join(FILES, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
        if rel.endswith(".sh"):
            os.chmod(dst, 0o755)
    with open(os.path.join(HERE, "cases.jsonl"), "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(files)} files, {len(cases)} cases")


if __name__ == "__main__":
    main()
