#!/usr/bin/env bash
# `ladder user`: the first admin from the command line, roles, passwords only from standard
# input or the terminal, tokens shown once, and no secret in the database.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
expect_exit() {  # CODE COMMAND...: runs it, output in $out
  local want=$1
  shift
  set +e
  out=$("$@" 2>&1)
  local got=$?
  set -e
  [[ $got == "$want" ]] || fail "$* exited $got, not $want: $out"
}

echo "first admin password" | "$LADDER" user add admin --role admin --password-stdin | grep -q "added user admin (admin)" ||
  fail "add admin"
"$LADDER" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish >/dev/null
cat > "$tmp/people.csv" <<CSV
id,name,email,manager,framework,track,level,since
e1,Eve One,eve@example.com,,engineering,ic,E1,2024-01-01
CSV
"$LADDER" people import "$tmp/people.csv" >/dev/null
echo "eve's password 1" | "$LADDER" user add eve --role manager,reviewer --person e1 --name "Eve One" --password-stdin >/dev/null
"$LADDER" user list --json > "$tmp/users.json"
python3 - "$tmp/users.json" <<'PY'
import json, sys
users = {u["id"]: u for u in json.load(open(sys.argv[1]))}
assert set(users) == {"admin", "eve"}, users
assert users["eve"]["roles"] == ["manager", "reviewer"], users["eve"]
assert users["eve"]["person"] == "e1" and users["eve"]["name"] == "Eve One"
assert "password_hash" not in users["eve"] and "hash" not in json.dumps(users)
PY

# Bad input: a clear error naming what, nothing stored.
expect_exit 2 bash -c "echo 'long enough pw' | '$LADDER' user add eve --password-stdin"
grep -q "already a user 'eve'" <<<"$out" || fail "duplicate: $out"
expect_exit 2 bash -c "echo 'long enough pw' | '$LADDER' user add bob --role boss --password-stdin"
grep -q "'boss' is not a role" <<<"$out" || fail "bad role: $out"
expect_exit 2 bash -c "echo short | '$LADDER' user add bob --password-stdin"
grep -q "password: the password must have at least 10 characters" <<<"$out" || fail "short: $out"
expect_exit 2 bash -c "echo 'long enough pw' | '$LADDER' user add 'Bob Smith' --password-stdin"
grep -q "user name 'Bob Smith'" <<<"$out" || fail "bad id: $out"
expect_exit 2 bash -c "echo 'long enough pw' | '$LADDER' user add bob --person nobody --password-stdin"
grep -q "person: no person 'nobody'" <<<"$out" || fail "unknown person: $out"
expect_exit 2 bash -c "'$LADDER' user add bob --password-stdin < /dev/null"
grep -q "no password on standard input" <<<"$out" || fail "no password: $out"
[[ $("$LADDER" user list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') == 2 ]] ||
  fail "a refused user was stored"

# Password rules, each refusal naming the rule; length is counted in characters, not bytes.
for case in "ééééé|at least 10 characters; it has 5" \
            "1234567890|run of neighbouring characters" \
            "qwertyuiop!|run of neighbouring characters" \
            "0987654321|run of neighbouring characters" \
            "          |only white space" \
            "abcabcabcabc|'abc' repeated" \
            "aaaaaaaaab|fewer than 4 different characters" \
            "P@ssw0rd2024!|common password ('password'" \
            "Summer2025!!|common password ('summer'"; do
  pw=${case%%|*}
  want=${case#*|}
  expect_exit 2 bash -c "printf '%s\n' '$pw' | '$LADDER' user add weak --password-stdin"
  grep -qF "password: " <<<"$out" && grep -qF "$want" <<<"$out" || fail "password '$pw': $out"
done
# Ten characters of two bytes each are ten characters.
printf 'éèêëēėęàáâ\n' | "$LADDER" user add accents --password-stdin >/dev/null || fail "10 accented characters"

# Tokens: printed once, stored hashed.
token=$("$LADDER" user token eve --name "nightly sync" --expires 2099-12-31 2>/dev/null)
[[ $token == ldr_* ]] || fail "token: $token"
expect_exit 2 "$LADDER" user token eve --name "old" --expires 2020-01-01
grep -q "expires" <<<"$out" || fail "past expiry: $out"
expect_exit 2 "$LADDER" user token nobody --name x
grep -q "no user 'nobody'" <<<"$out" || fail "token for unknown user: $out"
# Scopes: read or write (the default), shown in the list; anything else is refused.
reader=$("$LADDER" user token eve --name "dashboard" --scope read 2>"$tmp/err")
grep -q "scope read" "$tmp/err" || fail "scope not said: $(cat "$tmp/err")"
expect_exit 2 "$LADDER" user token eve --name "x" --scope admin
grep -q "'admin' is not a token scope: read" <<<"$out" || fail "bad scope: $out"
"$LADDER" user tokens eve > "$tmp/tokens"
grep -q "write  active  expires 2099-12-31  nightly sync" "$tmp/tokens" || fail "tokens: $(cat "$tmp/tokens")"
grep -q "read  active  expires never  dashboard" "$tmp/tokens" || fail "tokens: $(cat "$tmp/tokens")"
grep -q "ldr_" "$tmp/tokens" && fail "the list shows a secret"
"$LADDER" user tokens eve --json | python3 -c '
import json, sys
scopes = sorted(t["scope"] for t in json.load(sys.stdin))
assert scopes == ["read", "write"], scopes' || fail "tokens --json"

# Reset, disable, enable. A reset revokes the user's API tokens unless told to keep them.
echo "a new password 2" | "$LADDER" user passwd eve --password-stdin --keep-tokens |
  grep -q "new password (API tokens kept) for user eve" || fail "passwd --keep-tokens"
[[ $("$LADDER" user tokens eve | grep -c " active ") == 2 ]] || fail "--keep-tokens revoked tokens"
echo "a new password 3" | "$LADDER" user passwd eve --password-stdin |
  grep -q "new password (sessions ended, API tokens revoked) for user eve" || fail passwd
[[ $("$LADDER" user tokens eve | grep -c " revoked ") == 2 ]] || fail "a reset left tokens working: $("$LADDER" user tokens eve)"
"$LADDER" user disable eve | grep -q "disabled" || fail disable
"$LADDER" user enable eve | grep -qv "disabled" || fail enable
expect_exit 2 "$LADDER" user disable nobody

# No secret is in the database: not the passwords, not the token.
dump=$(sqlite3 "$tmp/ladder.db" .dump)
for secret in "first admin password" "eve's password 1" "a new password 2" "$token" "$reader"; do
  grep -qF "$secret" <<<"$dump" && fail "the database holds a secret: $secret"
done
grep -q 'argon2id' <<<"$dump" || fail "no Argon2id hashes stored"
echo ok
