#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the airlock-audit tests and prints its URL on stdout:
#
#   export AIRLOCK_TEST_POSTGRES_URL=$(bash crates/airlock-audit/tests/start-postgres.sh)
#   cargo test -p airlock-audit
#   bash crates/airlock-audit/tests/start-postgres.sh stop     # or: ... stop DIR
#
# The cluster lives in a new temporary folder (its path is written to stderr and to
# /tmp/airlock-test-postgres.dir), listens on 127.0.0.1 on a free port, trusts local
# connections and skips fsync: test use only. PostgreSQL refuses to run as root, so as root the
# server runs as the `postgres` user (created when missing).
set -euo pipefail

state=/tmp/airlock-test-postgres.dir

find_bin() {
  local d
  for d in /usr/local/bin /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
    if [ -x "$d/$1" ]; then echo "$d/$1"; return 0; fi
  done
  command -v "$1" || true
}
pg_ctl=$(find_bin pg_ctl)
initdb=$(find_bin initdb)
if { [ -z "$pg_ctl" ] || [ -z "$initdb" ]; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  # A fresh machine: install the server from the distribution's packages.
  echo "start-postgres.sh: installing PostgreSQL (apt-get install postgresql)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  pg_ctl=$(find_bin pg_ctl)
  initdb=$(find_bin initdb)
fi
if [ -z "$pg_ctl" ] || [ -z "$initdb" ]; then
  echo "start-postgres.sh: pg_ctl/initdb not found; install PostgreSQL (apt-get install postgresql)" >&2
  exit 2
fi

run=()
if [ "$(id -u)" = 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  run=(runuser -u postgres --)
fi

if [ "${1:-}" = stop ]; then
  dir=${2:-$(cat "$state" 2>/dev/null || true)}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "start-postgres.sh: no test cluster to stop" >&2
    exit 0
  fi
  "${run[@]}" "$pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
  exit 0
fi

dir=$(mktemp -d /tmp/airlock-pg.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi

# A free port: the first of a few random ones that nothing answers on.
port=
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
if [ -z "$port" ]; then
  echo "start-postgres.sh: no free port found" >&2
  exit 2
fi

if ! "${run[@]}" "$initdb" -D "$dir/data" -U airlock -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 2
fi
if ! "${run[@]}" "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
  start >/dev/null; then
  cat "$dir/server.log" >&2
  exit 2
fi
echo "$dir" >"$state"
echo "start-postgres.sh: cluster in $dir on port $port (stop: bash $0 stop $dir)" >&2
echo "postgres://airlock@127.0.0.1:$port/postgres"
