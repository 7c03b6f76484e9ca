#!/usr/bin/env bash
# `ladder export --all` leaves credentials out: no password hashes, no sessions (nor their CSRF
# tokens), no API tokens; `--include-secrets` puts them in. A dump without them restores into
# accounts that cannot sign in until `ladder user passwd` gives them a password, and restore
# says which.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

serve() {  # serve DATABASE: starts ladder serve on it; sets $server and $base
  rm -f "$tmp/log"  # a new log: the previous server's "serving" line must not be read as this one's
  "$LADDER" serve --listen 127.0.0.1:0 --quiet --database "$1" 2> "$tmp/log" &
  server=$!
  for _ in $(seq 600); do grep -qs "serving" "$tmp/log" && break; sleep 0.05; done
  local port
  port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
  [[ -n $port ]] || fail "server did not start: $(cat "$tmp/log")"
  base=http://127.0.0.1:$port
}
stop() { kill "$server"; wait "$server" || true; server=""; }
sign_in() {  # sign_in USER PASSWORD: prints the HTTP status
  curl -s -o "$tmp/session.json" -w '%{http_code}' -c "$tmp/cookies" -H 'Content-Type: application/json' \
    -d "{\"user\":\"$1\",\"password\":\"$2\"}" "$base/api/v1/session"
}

db=sqlite:$tmp/ladder.db
"$LADDER" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish --database "$db" >/dev/null
echo "the admin pass phrase" | "$LADDER" user add admin --role admin --password-stdin --database "$db" >/dev/null
token=$("$LADDER" user token admin --name nightly --database "$db" 2>/dev/null)
serve "$db"
[[ $(sign_in admin "the admin pass phrase") == 201 ]] || fail "sign-in: $(cat "$tmp/session.json")"
csrf=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/session.json")
session=$(awk '$6 == "ladder_session" {print $7}' "$tmp/cookies")
[[ -n $session && -n $csrf ]] || fail "no session cookie or CSRF token"
stop

# The secrets as stored: the Argon2id hash, and the BLAKE2b hashes of the session and token.
hash=$(sqlite3 "$tmp/ladder.db" "SELECT password_hash FROM users WHERE id = 'admin'")
hashes() { /usr/bin/python3 -c 'import hashlib,sys; print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest())' "$1"; }
token_hash=$(hashes "$token")
session_hash=$(hashes "$session")
[[ $hash == '$argon2id$'* ]] || fail "no stored hash: $hash"
[[ $(sqlite3 "$tmp/ladder.db" "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '$token_hash'") == 1 ]] ||
  fail "the token's hash is not what this test computes"

# By default: none of them.
"$LADDER" export --all --database "$db" -o "$tmp/plain.json" 2> "$tmp/err"
grep -q "without password hashes, sessions and API tokens" "$tmp/err" || fail "export said: $(cat "$tmp/err")"
for secret in "$hash" "$token_hash" "$session_hash" "$csrf" argon2id; do
  grep -qF -- "$secret" "$tmp/plain.json" && fail "the default dump holds a secret: $secret"
done
/usr/bin/python3 - "$tmp/plain.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["secrets"] == [], d["secrets"]
assert [u["id"] for u in d["users"]] == ["admin"] and d["users"][0]["password_hash"] == "", d["users"]
assert d["sessions"] == [] and d["api_tokens"] == [], (d["sessions"], d["api_tokens"])
PY

# With --include-secrets: all of them, and the dump says so.
"$LADDER" export --all --include-secrets --database "$db" -o "$tmp/full.json" 2> "$tmp/err"
grep -q "with password hashes, sessions and API tokens" "$tmp/err" || fail "export said: $(cat "$tmp/err")"
for secret in "$hash" "$token_hash" "$session_hash" "$csrf"; do
  grep -qF -- "$secret" "$tmp/full.json" || fail "--include-secrets left out $secret"
done
grep -q '"users.password_hash"' "$tmp/full.json" || fail "the secrets key does not list the hashes"
set +e
"$LADDER" export --include-secrets --to yaml "$LADDER_SOURCE_DIR/examples/engineering.yaml" > /dev/null 2> "$tmp/err"
rc=$?
set -e
[[ $rc == 2 ]] && grep -q -- "--include-secrets goes with --all" "$tmp/err" || fail "--include-secrets without --all: $rc"

# Restoring the plain dump: the account is there, cannot sign in, and restore says what to do.
"$LADDER" restore "$tmp/plain.json" --database "sqlite:$tmp/copy.db" 2> "$tmp/err"
grep -q "1 account has no password (the dump was written without secrets): set one with \`ladder user passwd USER\` before they can sign in: admin" "$tmp/err" ||
  fail "restore said: $(cat "$tmp/err")"
serve "sqlite:$tmp/copy.db"
[[ $(sign_in admin "the admin pass phrase") == 401 ]] || fail "an account without a password signed in"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/me") == 401 ]] ||
  fail "a token left out of the dump still works"
stop
echo "a new admin phrase" | "$LADDER" user passwd admin --password-stdin --database "sqlite:$tmp/copy.db" >/dev/null
serve "sqlite:$tmp/copy.db"
[[ $(sign_in admin "a new admin phrase") == 201 ]] || fail "sign-in after passwd: $(cat "$tmp/session.json")"
stop

# The full dump restores everything: the old password and the token work.
"$LADDER" restore "$tmp/full.json" --database "sqlite:$tmp/full.db" 2> "$tmp/err"
grep -q "no password" "$tmp/err" && fail "a full dump's restore asks for passwords"
serve "sqlite:$tmp/full.db"
[[ $(sign_in admin "the admin pass phrase") == 201 ]] || fail "sign-in after a full restore"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/me") == 200 ]] ||
  fail "the token does not work after a full restore"
stop
echo ok
