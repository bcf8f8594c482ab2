#!/usr/bin/env bash
# The official openai and anthropic Python SDKs against the real `airlock` binary, with the
# fake provider (examples/fake_upstream.rs) behind it. Installs the SDKs with pip if missing.
# Usage: crates/airlock-gateway/tests/python/run.sh   (from anywhere; builds what it needs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import openai, anthropic, pytest' 2>/dev/null; then
  "$python" -m pip install --quiet openai anthropic pytest
fi

(cd "$root" && CARGO_TARGET_DIR="$target" cargo build --quiet -p airlock-cli -p airlock-gateway --bin airlock --example fake_upstream)

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$target/debug/examples/fake_upstream" > "$work/fake.url" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/fake.url" ] && break; sleep 0.1; done
fake="$(cat "$work/fake.url")"

port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
key="gw-test-FAKEFAKEFAKE"
printf 'version = 1\n' > "$work/airlock.toml"
env AIRLOCK_GATEWAY_KEYS="$key" \
    AIRLOCK_GATEWAY_SECRET="python-test-secret-0123456789" \
    OPENAI_API_KEY="sk-test-FAKEFAKEFAKEFAKE" \
    ANTHROPIC_API_KEY="sk-ant-test-FAKEFAKEFAKE" \
    AIRLOCK_UPSTREAM_OPENAI_URL="$fake" \
    AIRLOCK_UPSTREAM_ANTHROPIC_URL="$fake" \
    AIRLOCK_UPSTREAM_OLLAMA_URL="$fake" \
    AIRLOCK_DATABASE_URL="$work/audit.db" \
    "$target/debug/airlock" --policy "$work/airlock.toml" gateway --listen "127.0.0.1:$port" 2> "$work/gateway.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/gateway.log"; exit 1; }

status=0
AIRLOCK_TEST_GATEWAY="http://127.0.0.1:$port" AIRLOCK_TEST_KEY="$key" \
  "$python" -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning "$here" || status=$?

# Every request left an audit record, and none holds the protected values.
if [ "$status" -eq 0 ]; then
  AIRLOCK_DATABASE_URL="$work/audit.db" "$target/debug/airlock" audit --format jsonl > "$work/audit.jsonl" || status=$?
  n="$(wc -l < "$work/audit.jsonl")"
  if [ "$n" -lt 10 ]; then echo "expected audit records, found $n"; status=1; fi
  if grep -q -e 'jane.doe@airlock-fixture.dev' -e 'AKIA2AIRLOCKTEST7QZX' "$work/audit.jsonl" "$work/gateway.log"; then
    echo "a protected value reached the audit log or the gateway's log"; status=1
  fi
fi
exit "$status"
