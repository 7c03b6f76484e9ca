#!/usr/bin/env bash
# Browser tests (tests/browser/*.mjs) in Debian's Chromium through playwright-core: the reader's
# walk (walk.mjs) and the page checks (pages.mjs: print and PDF, contrast, keyboard, live
# search, language, table headers) on `ladder serve` with all five seeds imported into a
# database and on the static site from file://, and hostile content on both. Screenshots and
# PDFs go to build/test-artifacts/browser-walk/<server|static>/ (kept after the run, for CI to
# archive).
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
src=$LADDER_SOURCE_DIR
artifacts=$(cd "$(dirname "$LADDER")" && pwd)/test-artifacts/browser-walk
[[ -x /usr/bin/chromium ]] || { echo "FAIL: /usr/bin/chromium missing (scripts/setup.sh installs it)" >&2; exit 1; }
[[ -d $src/node_modules/playwright-core ]] || { echo "FAIL: run npm ci (scripts/setup.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$artifacts"; mkdir -p "$artifacts"

# Starts `ladder serve ARGS...` on a free port; sets $port.
serve() {
  local log=$tmp/serve.$RANDOM.log
  : >"$log"
  "$LADDER" serve --listen 127.0.0.1:0 --quiet --public "$@" 2>"$log" &
  pids+=($!)
  for _ in $(seq 200); do grep -q "serving" "$log" && break; sleep 0.05; done
  port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$log")
  [[ -n $port ]] || fail "ladder serve did not start: $(cat "$log")"
}

# The five seeds, each imported and published into one database: every one must import.
mkdir -p "$tmp/fw"
seeds=("$SEEDS"/*.txt)
((${#seeds[@]} == 5)) || fail "expected the five seeds in $SEEDS, found ${#seeds[@]}"
for seed in "${seeds[@]}"; do
  n=$(basename "$seed" .txt)
  "$LADDER" import "$seed" -o "$tmp/fw/$n.yaml" 2>"$tmp/import.log" ||
    fail "import of $n failed: $(cat "$tmp/import.log")"
done
db=sqlite:$tmp/seeds.db
"$LADDER" load --publish --database "$db" "$tmp"/fw/*.yaml >/dev/null
serve --database "$db"
# Seed 000 links to an internal wiki and shared documents: allowed here on purpose, as a
# public site would have to (docs/leaks.md).
"$LADDER" render --out "$tmp/site" --database "$db" --allow-link app.tettra.co \
  --allow-link docs.google.com 2>/dev/null

status=0
node "$src/tests/browser/walk.mjs" "http://127.0.0.1:$port/" server "$artifacts" "$SEEDS" || status=1
node "$src/tests/browser/walk.mjs" "file://$tmp/site/" static "$artifacts" "$SEEDS" || status=1
# Print, contrast, keyboard, live search, language and table headers, on both.
node "$src/tests/browser/pages.mjs" "http://127.0.0.1:$port/" server "$artifacts" || status=1
node "$src/tests/browser/pages.mjs" "file://$tmp/site/" static "$artifacts" || status=1

# Hostile content, on the server and on the static site: every page.
"$LADDER" render --out "$tmp/hostile" "$src/tests/render/hostile.yaml" 2>/dev/null
mapfile -t pages < <(cd "$tmp/hostile" && find . -name '*.html' | sed 's|^\./||' | sort)
serve "$src/tests/render/hostile.yaml"
node "$src/tests/browser/hostile.mjs" "http://127.0.0.1:$port/" server "$artifacts" "${pages[@]}" \
  "search.html?q=script" || status=1
node "$src/tests/browser/hostile.mjs" "file://$tmp/hostile/" static "$artifacts" "${pages[@]}" \
  "search.html?q=script" || status=1
exit $status
