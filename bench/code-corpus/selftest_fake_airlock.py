#!/usr/bin/env python3
"""A stand-in for the airlock binary, to check the corpus plumbing with score.py.

It ignores its arguments and prints SARIF with one result per labeled case: only the
vulnerable ones (FAKE_MODE=vuln, the default; expect recall 1.000 fpr 0.000) or every
labeled line (FAKE_MODE=all; expect recall 1.000 fpr 1.000).

    FAKE_CASES=$PWD/bench/code-corpus/cases.jsonl \\
    AIRLOCK_BIN=$PWD/bench/code-corpus/selftest_fake_airlock.py \\
      python3 /work/shared/tools/score.py code bench/code-corpus/cases.jsonl bench/code-corpus/files
"""
import json, os

CWE = {"sqli": 89, "cmdi": 78, "weak-hash": 328, "weak-crypto": 327, "tls-verify": 295,
       "insecure-random": 338, "deserialization": 502, "eval": 95, "hardcoded-secret": 798,
       "log-secret": 532, "redos": 1333, "path-traversal": 22, "xss": 79, "jwt": 347}
here = os.path.dirname(os.path.abspath(__file__))
mode = os.environ.get("FAKE_MODE", "vuln")
results = []
for line in open(os.environ.get("FAKE_CASES", os.path.join(here, "cases.jsonl"))):
    c = json.loads(line)
    if mode == "vuln" and c["label"] != "vulnerable":
        continue
    results.append({"ruleId": c["class"], "properties": {"cwe": f"CWE-{CWE[c['class']]}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": c["file"]},
                                                        "region": {"startLine": c["line"]}}}]})
print(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "fake", "rules": []}},
                                                "results": results}]}))
