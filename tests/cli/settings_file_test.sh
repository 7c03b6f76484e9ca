#!/usr/bin/env bash
# An installation's settings file (--config FILE or $LADDER_CONFIG, TOML): keys at the top apply
# to every command with such an option, [serve] to the server. The command line wins over the
# environment (LADDER_<OPTION>), which wins over the file. A wrong setting stops the command
# with file:line:col and the setting, whichever command runs, and touches no data.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [[ -f ${log:-} ]] && cat "$log" >&2; exit 1; }
unset LADDER_DATABASE LADDER_PUBLIC LADDER_CONFIG

cat > "$tmp/ladder.toml" <<TOML
# Where the data lives: every command that has --database.
database = "sqlite:$tmp/state/ladder.db"

[serve]
listen = "127.0.0.1:0"
public = true
quiet = true
TOML
mkdir "$tmp/state" "$tmp/elsewhere"

# The top-level database reaches commands other than serve.
"$LADDER" --config "$tmp/ladder.toml" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish >/dev/null
[[ -f $tmp/state/ladder.db ]] || fail "load did not use the database of the settings file"
echo "a pass phrase for tests" | (cd "$tmp/elsewhere" && LADDER_CONFIG=$tmp/ladder.toml \
  "$LADDER" user add admin --role admin --password-stdin) >/dev/null
[[ ! -e $tmp/elsewhere/ladder.db ]] || fail "user add ignored \$LADDER_CONFIG"

start() {
  log=$tmp/serve.$RANDOM.log
  (cd "$tmp/elsewhere" && exec "$LADDER" "$@") 2>"$log" &
  server=$!
  for _ in $(seq 400); do grep -q "serving" "$log" && break; sleep 0.05; done
  port=$(sed -n 's/.*serving .* at http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$log")
  [[ -n $port ]] || fail "ladder serve did not say where it serves"
}
stop() { kill -TERM "$server"; wait "$server" || true; server=""; }
status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1"; }

# The file alone: its database (one framework, not the three examples), public pages, no log.
start --config "$tmp/ladder.toml" serve
grep -q "serving 1 framework" "$log" || fail "serve did not use the settings' database: $(cat "$log")"
[[ $(status /f/engineering/) == 200 ]] || fail "public = true did not make pages public"
curl -s "http://127.0.0.1:$port/f/engineering/" >/dev/null
stop
! grep -q "GET /f/engineering/" "$log" || fail "quiet = true still logged requests"

# The environment over the file; the command line over both.
listen_free=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LADDER_LISTEN=127.0.0.1:$listen_free start --config "$tmp/ladder.toml" serve
[[ $port == "$listen_free" ]] || fail "LADDER_LISTEN did not override the file: port $port"
stop
LADDER_PUBLIC=0 start --config "$tmp/ladder.toml" serve
[[ $(status /f/engineering/) != 200 ]] || fail "LADDER_PUBLIC=0 did not override public = true"
stop
LADDER_LISTEN=127.0.0.1:$listen_free start --config "$tmp/ladder.toml" serve --listen 127.0.0.1:0
[[ $port != "$listen_free" ]] || fail "--listen did not override the environment"
stop

# Wrong settings: exit 2, file:line:col, the setting; the data is untouched.
before=$(LADDER_CONFIG=$tmp/ladder.toml "$LADDER" export --all --include-secrets | md5sum)
expect_error() {  # FILE-TEXT EXPECTED-MESSAGE COMMAND...
  local text=$1 expected=$2
  shift 2
  printf '%s\n' "$text" > "$tmp/bad.toml"
  set +e
  "$LADDER" --config "$tmp/bad.toml" "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  set -e
  [[ $code == 2 ]] || fail "'$text' with $*: exit $code, not 2"
  grep -qF -- "$expected" "$tmp/err" || fail "'$text' with $*: said $(cat "$tmp/err"), not $expected"
}
expect_error $'[serve]\nlisten = "127.0.0.1:0"\nlisen = "x"' \
  "bad.toml:3:1: unknown setting 'lisen' in [serve]" serve
# A typo in another command's section stops every command: it would go unseen otherwise.
expect_error $'[serve]\nthreads = 1000' "bad.toml:2:1: setting 'threads'" lint "$LADDER_SOURCE_DIR/examples/engineering.yaml"
expect_error $'[serv]\nthreads = 2' "bad.toml:2:1: unknown section [serv]" serve
expect_error 'colour = "red"' "bad.toml:1:1: unknown setting 'colour': no command has an option --colour" serve
expect_error $'[serve]\nthreads = [1, 2]' "bad.toml:2:1: setting 'threads' takes one value" serve
expect_error $'[serve\nthreads = 2' "bad.toml:1:" serve
expect_error $'database = 2024-01-01' "bad.toml:1:12: setting 'database' must be a string" serve
"$LADDER" --config "$tmp/missing.toml" serve 2>"$tmp/err" && fail "a missing settings file was accepted"
grep -q "missing.toml" "$tmp/err" || fail "a missing settings file is not named: $(cat "$tmp/err")"
after=$(LADDER_CONFIG=$tmp/ladder.toml "$LADDER" export --all --include-secrets | md5sum)
[[ $before == "$after" ]] || fail "a wrong settings file changed the data"
echo "ok: settings file, environment and command line in that order; wrong settings say where"
