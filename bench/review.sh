#!/usr/bin/env bash
# Reviews Django's source distribution (~120k lines of Python and JavaScript) with
# `airlock review`, Bandit and Semgrep (with bench/semgrep-review-rules.yml, the same few
# checks), in one run, and prints wall time and peak memory for each.
#   bench/review.sh            (needs: pip; installs bandit and semgrep if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${AIRLOCK_BENCH_DIR:-/tmp/airlock-review-bench}
mkdir -p "$work"
cd "$work"
if ! ls -d django-*/ >/dev/null 2>&1; then
  pip download --no-binary :all: --no-deps django -d . >/dev/null
  tar xzf django-*.tar.gz
fi
tree=$(ls -d django-*/ | head -1)
command -v bandit >/dev/null || pip install -q bandit
command -v semgrep >/dev/null || pip install -q semgrep
bin="${AIRLOCK_BIN:-$root/target/release/airlock}"
[ -x "$bin" ] || (cd "$root" && cargo build --release -p airlock-cli)
lines=$(find "$tree" \( -name '*.py' -o -name '*.js' \) -print0 | xargs -0 cat | wc -l)
echo "tree: $tree ($lines lines of .py and .js), $(nproc) cores"
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.$name" "$@" >"$work/out.$name" 2>"$work/err.$name" || true
  # airlock:allow path-traversal -- the benchmark reads the timing files it just wrote
  read -r secs kb < <(tail -1 "$work/time.$name")
  printf "%-10s %8.2f s %8.1f MiB\n" "$name" "$secs" "$(echo "$kb/1024" | bc -l)"
}
measure airlock "$bin" review "$tree" --no-deps --format json
measure bandit bandit -r -q -f json "$tree"
SEMGREP_ENABLE_VERSION_CHECK=0 measure semgrep semgrep scan --metrics=off --disable-version-check --config "$here/semgrep-review-rules.yml" --json --quiet "$tree"
