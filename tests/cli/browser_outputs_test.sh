#!/usr/bin/env bash
# Job descriptions and interview guides in Chromium (tests/browser/outputs.mjs), on
# `ladder serve` with the examples and on the static site from file://: reached from a level
# page, a role profile chosen, printed to PDF (portrait document, portrait scorecard). PDFs and
# screenshots go to build/test-artifacts/browser-outputs/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
src=$LADDER_SOURCE_DIR
artifacts=$(cd "$(dirname "$LADDER")" && pwd)/test-artifacts/browser-outputs
[[ -x /usr/bin/chromium ]] || { echo "FAIL: /usr/bin/chromium missing (scripts/setup.sh installs it)" >&2; exit 1; }
[[ -d $src/node_modules/playwright-core ]] || { echo "FAIL: run npm ci (scripts/setup.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$artifacts"; mkdir -p "$artifacts"

"$LADDER" serve --listen 127.0.0.1:0 --quiet "$src"/examples/*.yaml 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 200); do grep -q "serving" "$tmp/serve.log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/serve.log")
[[ -n $port ]] || fail "ladder serve did not start: $(cat "$tmp/serve.log")"
"$LADDER" render --out "$tmp/site" "$src"/examples/*.yaml 2>/dev/null

status=0
node "$src/tests/browser/outputs.mjs" "http://127.0.0.1:$port/" server "$artifacts" || status=1
node "$src/tests/browser/outputs.mjs" "file://$tmp/site/" static "$artifacts" || status=1
exit $status
