#!/usr/bin/env bash
# Real coding assistants through the real `airlock` binary: Claude Code (ANTHROPIC_BASE_URL)
# and Codex CLI (a model provider with wire_api = "responses"), installed from npm, with
# the fake provider (examples/fake_upstream.rs) standing in for Anthropic and OpenAI. Each
# is asked to mail an address: the address must not reach the provider and must come back
# restored in the answer.
# Usage: crates/airlock-gateway/tests/agents/run.sh   (needs node and npm)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

agents="${AIRLOCK_AGENTS_DIR:-$root/target/agents}"
if [ ! -x "$agents/node_modules/.bin/codex" ] || [ ! -x "$agents/node_modules/.bin/claude" ]; then
  mkdir -p "$agents"
  (cd "$agents" && npm install --silent --no-audit --no-fund @anthropic-ai/claude-code @openai/codex > /dev/null)
  # Claude Code links its platform binary in a postinstall step.
  node "$agents/node_modules/@anthropic-ai/claude-code/install.cjs" > /dev/null
fi
(cd "$root" && CARGO_TARGET_DIR="$target" cargo build --quiet -p airlock-cli -p airlock-gateway --bin airlock --example fake_upstream)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fport="$(free_port)"
gport="$(free_port)"
key="gw-test-FAKEFAKEFAKE"
email="jane.doe@airlock-fixture.dev"

"$target/debug/examples/fake_upstream" "$fport" > /dev/null &
pids+=($!)
printf 'version = 1\n' > "$work/airlock.toml"
env AIRLOCK_GATEWAY_KEYS="$key" AIRLOCK_GATEWAY_SECRET="agents-test-secret-0123456789" \
    OPENAI_API_KEY="sk-test-FAKEFAKEFAKEFAKE" ANTHROPIC_API_KEY="sk-ant-test-FAKEFAKE" \
    AIRLOCK_UPSTREAM_OPENAI_URL="http://127.0.0.1:$fport" \
    AIRLOCK_UPSTREAM_ANTHROPIC_URL="http://127.0.0.1:$fport" \
    AIRLOCK_DATABASE_URL="$work/audit.db" \
    "$target/debug/airlock" --policy "$work/airlock.toml" gateway --listen "127.0.0.1:$gport" 2> "$work/gateway.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$gport/healthz" > /dev/null 2>&1 && curl -fs "http://127.0.0.1:$fport/_received" > /dev/null 2>&1 && break
  sleep 0.1
done

export HOME="$work/home"
mkdir -p "$HOME/.codex" "$work/project"
cd "$work/project"

fail=0
check() { # NAME ANSWER_FILE
  if grep -q "^You said: " "$2" && grep -q "$email" "$2"; then echo "ok: $1 answered through the gateway, address restored"
  else echo "FAILED: $1"; tail -20 "$2"; fail=1; fi
}

timeout 120 env ANTHROPIC_BASE_URL="http://127.0.0.1:$gport" ANTHROPIC_API_KEY="$key" \
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_TELEMETRY=1 DISABLE_AUTOUPDATER=1 \
  "$agents/node_modules/.bin/claude" -p "Please email $email the plan" --model claude-sonnet-4-5 \
  > "$work/claude.out" 2> "$work/claude.err" || true
check "Claude Code" "$work/claude.out"

cat > "$HOME/.codex/config.toml" <<TOML
model_provider = "airlock"
model = "gpt-5-codex"

[model_providers.airlock]
name = "airlock"
base_url = "http://127.0.0.1:$gport/v1"
env_key = "AIRLOCK_GATEWAY_KEY"
wire_api = "responses"
TOML
timeout 120 env AIRLOCK_GATEWAY_KEY="$key" "$agents/node_modules/.bin/codex" exec --skip-git-repo-check \
  "Please email $email the plan" > "$work/codex.out" 2> "$work/codex.err" || true
check "Codex CLI" "$work/codex.out"

curl -fs "http://127.0.0.1:$fport/_received" > "$work/received.json"
paths="$(python3 -c 'import json,sys; print(" ".join(sorted({r["path"] for r in json.load(open(sys.argv[1]))})))' "$work/received.json")"
echo "the provider saw: $paths"
case "$paths" in *"/v1/messages"*"/v1/responses"*) ;; *) echo "FAILED: expected Messages and Responses requests"; fail=1 ;; esac
if grep -q "$email" "$work/received.json"; then echo "FAILED: the address reached the provider"; fail=1; fi
if grep -q "$email" "$work/gateway.log"; then echo "FAILED: the address is in the gateway's log"; fail=1; fi
exit "$fail"
