#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server (Debian's postgresql package) on 127.0.0.1,
# exporting PG_URL for it; stops and removes the server afterwards. Without the package, says so
# and exits 0 without running the command (the SQLite run already covered the suite).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL non installato (apt-get install postgresql): suite su PostgreSQL saltata."
  exit 0
fi
dir=$(mktemp -d /tmp/primm-pg.XXXXXX)
port=${PG_TEST_PORT:-54329}
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run_as "$bin/initdb -D $dir/data -A trust -U postgres --no-sync -E UTF8 >/dev/null"
run_as "$bin/pg_ctl -D $dir/data -l $dir/log -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start >/dev/null"
cleanup() { run_as "$bin/pg_ctl -D $dir/data -m immediate stop >/dev/null" || true; rm -rf "$dir"; }
trap cleanup EXIT
export PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') su $PG_URL"
"$@"
