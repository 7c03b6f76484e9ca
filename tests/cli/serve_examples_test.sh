#!/usr/bin/env bash
# The README's main command: `ladder serve` on an EMPTY database publishes the examples on first
# start and the home page lists them; a second start serves what the database holds without
# publishing again. Run twice: from the source root with $LADDER_DATABASE naming a fresh SQLite
# file (as the README runs it), and from an empty directory with no database option at all
# (sqlite:ladder.db in the working directory; examples found beside the binary).
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [[ -f ${log:-} ]] && cat "$log" >&2; exit 1; }

# The examples' framework names and ids, read from the files (the test follows the examples).
mapfile -t ids < <(for f in "$LADDER_SOURCE_DIR"/examples/*.yaml; do
  sed -n '/^framework:/,/^[^ ]/s/^  id: *//p' "$f" | head -1; done)
mapfile -t names < <(for f in "$LADDER_SOURCE_DIR"/examples/*.yaml; do
  sed -n '/^framework:/,/^[^ ]/s/^  name: *//p' "$f" | head -1; done)
((${#ids[@]} >= 2)) || fail "expected at least two examples, found ${#ids[@]}"
((${#ids[@]} == ${#names[@]})) || fail "every example needs an id and a name"

# Starts `ladder serve --listen 127.0.0.1:0` in directory $1 (more arguments follow); sets
# $port, $server and $log.
start() {
  local dir=$1
  shift
  log=$tmp/serve.$RANDOM.log
  (cd "$dir" && exec "$LADDER" serve --listen 127.0.0.1:0 --public --quiet "$@") 2>"$log" &
  server=$!
  for _ in $(seq 200); do grep -q "serving" "$log" && break; sleep 0.05; done
  port=$(sed -n 's/.*serving .* at http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$log")
  [[ -n $port ]] || fail "ladder serve did not say where it serves"
}
stop() {
  kill -TERM "$server"
  wait "$server" || fail "server exit status $? after SIGTERM"
  server=""
}

check_home() {
  local home=$tmp/home.html
  curl -sf -o "$home" "http://127.0.0.1:$port/" || fail "GET / failed"
  for name in "${names[@]}"; do
    grep -qF ">$name</a></h2>" "$home" || fail "home page does not list \"$name\""
  done
  [[ $(grep -c '<li class="card">' "$home") == "${#ids[@]}" ]] ||
    fail "home page lists $(grep -c '<li class="card">' "$home") frameworks, not ${#ids[@]}"
  for id in "${ids[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/f/$id/index.html")
    [[ $code == 200 ]] || fail "framework page of $id gave $code"
  done
  # Every export of the first example downloads from its page, and the YAML loads back.
  local page=$tmp/fw.html
  curl -sf -o "$page" "http://127.0.0.1:$port/f/${ids[0]}/index.html"
  mapfile -t downloads < <(grep -o 'href="[^"]*downloads/[^"]*"' "$page" | sed 's/^href="//; s/"$//')
  ((${#downloads[@]} == 5)) || fail "the framework page links ${#downloads[@]} downloads, not 5"
  for href in "${downloads[@]}"; do
    local file=$tmp/$(basename "$href")
    curl -sf -o "$file" "http://127.0.0.1:$port/f/${ids[0]}/$href" || fail "GET $href failed"
    [[ -s $file ]] || fail "$href is empty"
  done
  "$LADDER" lint "$tmp"/*.yaml >/dev/null || fail "the downloaded YAML does not lint"
}

for variant in source-root empty-dir; do
  db=$tmp/$variant.db
  if [[ $variant == source-root ]]; then
    dir=$LADDER_SOURCE_DIR
    export LADDER_DATABASE=sqlite:$db
  else
    dir=$tmp/empty
    mkdir -p "$dir"
    unset LADDER_DATABASE
    db=$dir/ladder.db
  fi
  [[ ! -e $db ]] || fail "$db exists before the first start"

  start "$dir"
  for id in "${ids[@]}"; do
    grep -q "empty database: published example $id@" "$log" ||
      fail "$variant: first start did not publish example $id"
  done
  grep -q "serving ${#ids[@]} frameworks at http://127.0.0.1:$port/" "$log" ||
    fail "$variant: the URL to open is not given"
  check_home
  stop
  [[ -s $db ]] || fail "$variant: no database written at $db"

  # Second start on the same database: nothing published again, the same frameworks served.
  start "$dir"
  ! grep -q "published example" "$log" || fail "$variant: second start published the examples again"
  check_home
  stop
done
echo ok
