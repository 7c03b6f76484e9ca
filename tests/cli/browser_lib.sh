# Shared set-up of the browser tests, sourced by tests/cli/browser_*_test.sh: checks that Debian's
# Chromium and playwright-core are there, sets $src (the source tree), $artifacts (screenshots,
# kept under the build directory) and $tmp (removed on exit, with the server), fail(), and
# load_seed_004 [FILES...], which imports the plain-text ladder of seed 004 into $tmp, publishes
# it (with FILES, other frameworks, beside it) into $LADDER_DATABASE and sets $fw to its id, and
# serve_ladder ARGS..., which starts `ladder serve --listen 127.0.0.1:0 ARGS...` in the
# background and sets $server and $port once it serves.
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

serve_ladder() {
  "$LADDER" serve --listen 127.0.0.1:0 "$@" 2>"$tmp/serve.log" &
  server=$!
  for _ in $(seq 400); do grep -q "serving" "$tmp/serve.log" && break; sleep 0.05; done
  port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/serve.log")
  [[ -n $port ]] || fail "ladder serve did not start: $(cat "$tmp/serve.log")"
  mkdir -p "$artifacts"
}

load_seed_004() {
  "$LADDER" import "$SEEDS"/004_*.txt -o "$tmp/ladder.yaml" 2>/dev/null || fail "seed 004 does not import"
  "$LADDER" load "$tmp/ladder.yaml" "$@" --publish >/dev/null
  fw=$(sed -n 's/^  id: //p' "$tmp/ladder.yaml" | head -1)
}
