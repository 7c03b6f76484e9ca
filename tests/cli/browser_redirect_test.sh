#!/usr/bin/env bash
# No open redirect, in Chromium (tests/browser/redirect.mjs): a signed-in user opening
# /login?next=/%09/evil.example (and other disguises of another site) stays on the site.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
src=$LADDER_SOURCE_DIR
[[ -x /usr/bin/chromium ]] || { echo "FAIL: /usr/bin/chromium missing (scripts/setup.sh installs it)" >&2; exit 1; }
[[ -d $src/node_modules/playwright-core ]] || { echo "FAIL: run npm ci (scripts/setup.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-ada-long-enough" | "$LADDER" user add ada --role admin --password-stdin >/dev/null
"$LADDER" serve --listen 127.0.0.1:0 --quiet 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 200); do grep -q "serving" "$tmp/serve.log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/serve.log")
[[ -n $port ]] || fail "ladder serve did not start: $(cat "$tmp/serve.log")"
node "$src/tests/browser/redirect.mjs" "http://127.0.0.1:$port/" ada pw-ada-long-enough
echo ok
