#!/usr/bin/env bash
# The gateway's cost: latency it adds (p50, p99), requests per second with the gateway on
# one core, a 78 KB agent request, streaming time to first token, and 1,000 concurrent
# streams with the gateway's memory; all against the fake provider
# (crates/airlock-gateway/examples/fake_upstream.rs) over loopback, each figure next to the
# same request sent to the fake directly. Inspection, audit (SQLite) and the shared vault
# are on.
#
# The gateway gets core 0 to itself; the fake provider and the load tools share core 1.
# Besides wall-clock figures, which a busy machine inflates, it reports the gateway's own
# CPU time per request (utime + stime from /proc), and from it the requests per second one
# core would serve: on a shared machine that is the steadier measure of its cost. A plain
# TCP relay put in the gateway's place (examples/relay.rs) gives the floor of any proxy
# there: what the gateway adds beyond it is its own doing.
#
# Needs wrk (apt-get install wrk), curl, python3 and taskset. Usage: bench/gateway.sh [SECONDS]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
secs="${1:-10}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -n "${AIRLOCK_BENCH_NO_BUILD:-}" ] || (cd "$root" && CARGO_TARGET_DIR="$target" cargo build --quiet --release -p airlock-cli -p airlock-gateway --bin airlock --example fake_upstream --example stream_load --example relay)
python3 "$root/bench/gateway/bodies.py" "$work" > /dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fport="$(free_port)"
gport="$(free_port)"
key="gw-bench-FAKEFAKEFAKE"

# The gateway gets core 0 to itself; the fake provider and the load generator share core 1.
taskset -c 1 "$target/release/examples/fake_upstream" "$fport" > /dev/null &
pids+=($!)
printf 'version = 1\n' > "$work/airlock.toml"
env AIRLOCK_GATEWAY_KEYS="$key" AIRLOCK_GATEWAY_SECRET="bench-secret-0123456789" \
    OPENAI_API_KEY="sk-test-FAKEFAKEFAKEFAKE" ANTHROPIC_API_KEY="sk-ant-test-FAKEFAKE" \
    AIRLOCK_UPSTREAM_OPENAI_URL="http://127.0.0.1:$fport" \
    AIRLOCK_UPSTREAM_ANTHROPIC_URL="http://127.0.0.1:$fport" \
    AIRLOCK_UPSTREAM_OLLAMA_URL="http://127.0.0.1:$fport" \
    AIRLOCK_DATABASE_URL="$work/audit.db" \
    taskset -c 0 "$target/release/airlock" --policy "$work/airlock.toml" gateway --listen "127.0.0.1:$gport" 2> "$work/gateway.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$gport/healthz" > /dev/null 2>&1 && curl -fs -o /dev/null "http://127.0.0.1:$fport/v1/models" && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$gport/healthz" > /dev/null || { echo "the gateway did not start:" >&2; cat "$work/gateway.log" >&2; exit 1; }

direct="http://127.0.0.1:$fport/v1/chat/completions"
gateway="http://127.0.0.1:$gport/v1/chat/completions"

# wrk's latency figure in microseconds: "50%  123.45us" / "1.23ms" / "1.00s".
us() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else print n * 1000000 }'; }

# run NAME URL BODY CONNECTIONS KEY -> prints "p50_us p99_us rps requests"
run() {
  local out
  out="$(BODY_FILE="$work/$3.json" KEY="$5" taskset -c 1 wrk -t1 -c"$4" -d"${secs}s" --latency -s "$root/bench/gateway/post.lua" "$2")"
  local p50 p99 rps
  p50="$(us "$(awk '$1 == "50%" { print $2 }' <<< "$out")")"
  p99="$(us "$(awk '$1 == "99%" { print $2 }' <<< "$out")")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")"
  if grep -q "Non-2xx" <<< "$out"; then echo "non-2xx answers in $1" >&2; grep Non-2xx <<< "$out" >&2; exit 1; fi
  n="$(awk '/requests in/ { print $1 }' <<< "$out")"
  echo "$p50 $p99 $rps $n"
}

gpid="${pids[1]}"
# The gateway's CPU time so far, in microseconds (utime + stime, in clock ticks).
cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000000 / hz }' "/proc/$gpid/stat"; }
rss_kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$gpid/status"; }

printf 'load average before: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| request | connections | direct p50 / p99 (us) | through airlock p50 / p99 (us) | added p50 / p99 (us) | direct req/s | airlock req/s | airlock CPU per request (us) | req/s per core from CPU |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for spec in "small 1" "agent 1" "small 32" "agent 8"; do
  set -- $spec
  read -r dp50 dp99 drps dn <<< "$(run "direct $1" "$direct" "$1" "$2" "")"
  c0="$(cpu_us)"
  read -r gp50 gp99 grps gn <<< "$(run "gateway $1" "$gateway" "$1" "$2" "$key")"
  c1="$(cpu_us)"
  awk -v b="$1" -v c="$2" -v dp50="$dp50" -v dp99="$dp99" -v gp50="$gp50" -v gp99="$gp99" -v dr="$drps" -v gr="$grps" -v cpu="$((c1 - c0))" -v n="$gn" \
    'BEGIN { per = cpu / n; printf "| %s | %s | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f | %.0f | %.1f | %.0f |\n", b, c, dp50, dp99, gp50, gp99, gp50 - dp50, gp99 - dp99, dr, gr, per, 1000000 / per }'
done

# The floor: a plain TCP relay (examples/relay.rs: no HTTP, inspection or audit) in the
# gateway's place on core 0. Any proxy there pays its two extra TCP hops and a wake-up on
# the other core each way; on a virtual machine those wake-ups cost more than the proxying.
rport="$(free_port)"
taskset -c 0 "$target/release/examples/relay" "$rport" "$fport" &
pids+=($!)
rpid=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$rport/v1/models" && break; sleep 0.1; done
relay="http://127.0.0.1:$rport/v1/chat/completions"
rcpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000000 / hz }' "/proc/$rpid/stat"; }
printf '\nfloor, one connection: a plain TCP relay in the gateway'"'"'s place (examples/relay.rs on core 0)\n\n'
printf '| request | direct p50 / p99 (us) | through the relay p50 / p99 (us) | added by the relay p50 / p99 (us) | relay CPU per request (us) |\n'
printf '| --- | --- | --- | --- | --- |\n'
for b in small agent; do
  read -r dp50 dp99 _ _ <<< "$(run "direct $b" "$direct" "$b" 1 "")"
  c0="$(rcpu_us)"
  read -r rp50 rp99 _ rn <<< "$(run "relay $b" "$relay" "$b" 1 "")"
  c1="$(rcpu_us)"
  awk -v b="$b" -v dp50="$dp50" -v dp99="$dp99" -v rp50="$rp50" -v rp99="$rp99" -v cpu="$((c1 - c0))" -v n="$rn" \
    'BEGIN { printf "| %s | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.1f |\n", b, dp50, dp99, rp50, rp99, rp50 - dp50, rp99 - dp99, cpu / n }'
done
kill "$rpid" 2>/dev/null || true

# Streaming, one request at a time: time to the first byte of the answer (p50, p99 of 200).
read -r sd50 sd99 _ <<< "$(taskset -c 1 "$target/release/examples/stream_load" "$direct" "" "$work/stream.json" 1 200)"
read -r sg50 sg99 _ <<< "$(taskset -c 1 "$target/release/examples/stream_load" "$gateway" "$key" "$work/stream.json" 1 200)"
printf '\nstreaming time to first byte, 200 one at a time: direct p50 %s / p99 %s us, through airlock p50 %s / p99 %s us, added p50 %s / p99 %s us\n' \
  "$sd50" "$sd99" "$sg50" "$sg99" "$((sg50 - sd50))" "$((sg99 - sd99))"

# 1,000 concurrent streams (the fake sends a frame every 200 ms, about 2.4 s a stream).
rss0="$(rss_kb VmRSS)"
c0="$(cpu_us)"
read -r t50 t99 gap ok failed wall <<< "$(taskset -c 1 "$target/release/examples/stream_load" "$gateway" "$key" "$work/slow-stream.json" 1000 1)"
c1="$(cpu_us)"
printf '1000 concurrent streams through airlock: %s completed, %s failed in %s s; time to first byte p50 %s / p99 %s us; longest pause between chunks %s ms (the fake pauses 200 ms); gateway memory %s MB before, peak %s MB (VmHWM); gateway CPU %s ms\n' \
  "$ok" "$failed" "$wall" "$t50" "$t99" "$gap" "$((rss0 / 1024))" "$(($(rss_kb VmHWM) / 1024))" "$(((c1 - c0) / 1000))"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

# airlock's own accounting of its time per request (inspection, redaction, restore).
curl -s "http://127.0.0.1:$gport/metrics" | awk '
  /^airlock_gateway_overhead_seconds_sum/ { s = $2 }
  /^airlock_gateway_overhead_seconds_count/ { c = $2 }
  END { if (c > 0) printf "in-process overhead (airlock_gateway_overhead_seconds): mean %.1f us over %d requests\n", s / c * 1e6, c }'
