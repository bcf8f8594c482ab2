#!/usr/bin/env python3
"""Per-case view of airlock on a labeled secrets corpus (same format as score.py uses):
which positives are missed and which negatives are flagged, grouped by the peer's rule.

  bench/corpus_misses.py CASES.jsonl [--show N] [--source PREFIX] [--negatives]
"""
import argparse, collections, json, os, re, shutil, subprocess, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("cases")
ap.add_argument("--show", type=int, default=3)
ap.add_argument("--source", default="")
ap.add_argument("--negatives", action="store_true", help="list flagged negatives instead of missed positives")
ap.add_argument("--plain", action="store_true", help="with --negatives: only those without a random token")
a = ap.parse_args()
BIN = os.environ.get("AIRLOCK_BIN") or os.path.abspath("target/release/airlock")
cases = [json.loads(l) for l in open(a.cases)]
cases = [c for c in cases if c["source"].startswith(a.source)]
tmp = tempfile.mkdtemp()
try:
    for c in cases:
        ext = ".txt"
        fn = c.get("filename")
        if fn:
            e = os.path.splitext(fn)[1]
            if e and len(e) <= 8 and re.match(r"^\.[A-Za-z0-9]+$", e):
                ext = e
        with open(os.path.join(tmp, c["id"] + ext), "w") as f:
            f.write(c["text"] if c["text"].endswith("\n") else c["text"] + "\n")
    p = subprocess.run([BIN, "scan", ".", "--format", "json", "--no-progress"], cwd=tmp, capture_output=True)
    doc = json.loads(p.stdout)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
hits = collections.defaultdict(list)
for f in doc["findings"]:
    hits[f["path"].split(".")[0]].append(f["rule"])
groups = collections.defaultdict(list)
for c in cases:
    want = c["label"] == "secret"
    if a.negatives:
        if not want and c["id"] in hits and (not a.plain or not c.get("has_random_token")):
            groups[c["rule"]].append((c, hits[c["id"]]))
    elif want and c["id"] not in hits:
        groups[c["rule"]].append((c, []))
for rule, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
    print(f"== {rule}: {len(items)}")
    for c, r in items[: a.show]:
        print(f"   {c['id']} {r} {c['text'][:220]!r}")
print(sum(len(v) for v in groups.values()), "cases")
