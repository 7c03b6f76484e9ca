#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server on loopback and LADDER_TEST_POSTGRES set
# to its URL; the server and its data are removed when the command ends.
#   scripts/with-postgres.sh ctest --test-dir build
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
if [[ ! -x $bin/initdb ]]; then
  echo "with-postgres: PostgreSQL 15 is not installed (scripts/setup.sh installs it)" >&2
  exit 2
fi
dir=$(mktemp -d /tmp/ladder-pg.XXXXXX)
chown postgres "$dir"
chmod 700 "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
stop() { as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
export LADDER_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port" >&2
"$@"
