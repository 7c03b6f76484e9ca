#!/usr/bin/env bash
# The import page's mapping table in Chromium (tests/browser/import_map.mjs): a CSV read with
# the guessed map, the map changed in the table and the file read again, the draft saved, and
# only then the framework in the database. Screenshots go to build/test-artifacts/browser/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
src=$LADDER_SOURCE_DIR
artifacts=$(cd "$(dirname "$LADDER")" && pwd)/test-artifacts/browser
[[ -x /usr/bin/chromium ]] || { echo "FAIL: /usr/bin/chromium missing (scripts/setup.sh installs it)" >&2; exit 1; }
[[ -d $src/node_modules/playwright-core ]] || { echo "FAIL: run npm ci (scripts/setup.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-admin-long" | "$LADDER" user add admin --role admin --password-stdin >/dev/null

"$LADDER" serve --listen 127.0.0.1:0 --quiet 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 200); do grep -q "serving" "$tmp/serve.log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/serve.log")
[[ -n $port ]] || fail "ladder serve did not start: $(cat "$tmp/serve.log")"
mkdir -p "$artifacts"
node "$src/tests/browser/import_map.mjs" "http://127.0.0.1:$port/" "$artifacts" \
  "$src/tests/golden/sheets/sales_rows.csv"

# The draft saved is the framework read with the changed map: levels Negotiation, Forecasting.
n=$(sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM framework_versions WHERE status = 'draft'")
[[ $n == 1 ]] || fail "expected one draft, found $n"
doc=$(sqlite3 "$tmp/ladder.db" "SELECT document FROM framework_versions")
grep -q '"title": *"Negotiation"' <<<"$doc" && grep -q '"title": *"Forecasting"' <<<"$doc" \
  || fail "the stored framework is not the mapped reading: ${doc:0:400}"
echo ok
