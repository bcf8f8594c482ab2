#!/usr/bin/env python3
"""Markdown table from bench/speed.sh's runs.tsv: the best (lowest wall time) successful run of
each tool, MB/s = bytes / wall seconds (MB = 10^6 bytes), peak memory in MiB.

  bench/speed_table.py RUNS.tsv VERSIONS.tsv
"""
import csv, json, re, sys

runs = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
versions = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[2]) if "\t" in l)
PEERS = ["betterleaks", "kingfisher", "gitleaks", "detect-secrets"]


def read(path):
    try:
        return open(path, errors="replace").read() if path else ""
    except OSError:
        return ""


def load_json(text):
    try:
        return json.loads(text)
    except ValueError:
        # kingfisher prints one JSON summary line per scan on stdout
        for line in text.splitlines()[::-1]:
            try:
                return json.loads(line)
            except ValueError:
                pass
    return None


def details(r):
    """(findings, bytes the tool says it scanned) from its output, None when unknown."""
    name = r["name"].split("@")[0]
    out, err, rep = read(r["stdout"]), read(r["stderr"]), read(r["report"])
    try:
        if name.startswith("airlock"):
            s = json.loads(out)["summary"]
            return s["findings"], s["bytes_scanned"]
        if name == "betterleaks":
            d = json.loads(rep)
            return len(d["findings"]), d["scan"].get("bytes_scanned")
        if name == "kingfisher":
            d, s = json.loads(rep), load_json(out) or {}
            return len(d["findings"]), s.get("bytes_scanned")
        if name == "gitleaks":
            m = re.search(r"scanned ~(\d+) bytes", err)
            return len(json.loads(rep)), int(m.group(1)) if m else None
        if name == "detect-secrets":
            return sum(len(v) for v in json.loads(out)["results"].values()), None
    except (ValueError, KeyError, TypeError):
        pass
    return None, None


def first_error(r):
    for line in read(r["stderr"]).splitlines()[::-1]:
        line = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        if line and not line.startswith("Command exited"):
            return line[:160]
    return ""


order, best, failures = [], {}, {}
for r in runs:
    n = r["name"]
    if n not in order:
        order.append(n)
    if r["status"] == "ok" and r["wall_s"]:
        if n not in best or float(r["wall_s"]) < float(best[n]["wall_s"]):
            best[n] = r
    else:
        failures.setdefault(n, r)

print("| tool | scanned | MB/s | wall s | CPU s (user+sys) | MB per CPU-s | peak MiB | findings | runs ok | load avg at start |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
rate = {}
for n in order:
    tries = [r for r in runs if r["name"] == n]
    ok = sum(r["status"] == "ok" for r in tries)
    label = n
    base = n.split("@")[0]
    if base in versions and base != "airlock-no-generic":
        label = versions[base] + (" `--no-code` (secrets only, compared)" if base == "airlock" else "")
    if n == "airlock-no-generic":
        label = "airlock `--no-code`, generic-secret-assignment off (diagnostic)"
    elif n == "airlock+code":
        label = "airlock, secrets + insecure-code review (default `scan`; not compared)"
    elif "@" in n:
        label = versions.get("airlock", "airlock") + " (same subset as detect-secrets)"
    if n not in best:
        f = failures.get(n, tries[0] if tries else {})
        why = f.get("status", "failed")
        err = first_error(f) if f else ""
        print(f"| {label} | {f.get('scope','')} | **{why}** | | | | | | 0/{len(tries)} | {err} |")
        continue
    r = best[n]
    b, wall = int(r["bytes"]), float(r["wall_s"])
    cpu = float(r["user_s"]) + float(r["sys_s"])
    mbs = b / 1e6 / wall
    rate[n] = mbs
    finds, scanned = details(r)
    scope = f"{r['scope']} ({b/1e6:.0f} MB, {r['files']} files)"
    if scanned:
        scope += f"; tool says {scanned/1e6:.0f} MB"
    print(f"| {label} | {scope} | {mbs:.1f} | {wall:.2f} | {cpu:.2f} | "
          f"{(b/1e6/cpu if cpu else float('nan')):.1f} | {int(r['maxrss_kb'])/1024:.1f} | "
          f"{'?' if finds is None else finds} | {ok}/{len(tries)} | {r['load1']} |")

peers = {n: v for n, v in rate.items() if n in PEERS}
full_peers = {n: v for n, v in peers.items() if best[n]["scope"] == "corpus"}
print()
if "airlock" in rate and full_peers:
    top = max(full_peers, key=full_peers.get)
    ratio = rate["airlock"] / full_peers[top]
    rss = int(best["airlock"]["maxrss_kb"]) / 1024
    print(f"airlock / fastest peer on the whole corpus ({top}): "
          f"{rate['airlock']:.1f} / {full_peers[top]:.1f} MB/s = **{ratio:.2f}x** "
          f"(goal >= 3x: {'met' if ratio >= 3 else 'NOT met'}); "
          f"airlock peak {rss:.1f} MiB (goal <= 100 MiB: {'met' if rss <= 100 else 'NOT met'})")
    cpu_rate = {n: int(best[n]["bytes"]) / 1e6 / (float(best[n]["user_s"]) + float(best[n]["sys_s"]))
                for n in list(full_peers) + ["airlock"]}
    ctop = max((n for n in full_peers), key=cpu_rate.get)
    print(f"per CPU-second (less sensitive to other load on the machine): airlock {cpu_rate['airlock']:.1f} "
          f"vs {ctop} {cpu_rate[ctop]:.1f} MB/CPU-s = {cpu_rate['airlock']/cpu_rate[ctop]:.2f}x")
sub = [n for n in rate if "@" in n]
if sub and "detect-secrets" in rate:
    print(f"on the detect-secrets subset: airlock {rate[sub[0]]:.1f} vs detect-secrets "
          f"{rate['detect-secrets']:.2f} MB/s = {rate[sub[0]]/rate['detect-secrets']:.0f}x")
