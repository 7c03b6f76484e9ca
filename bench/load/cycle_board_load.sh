#!/usr/bin/env bash
# Load test of a review cycle's calibration board (docs/cycles.md): 10,000 people with their
# records (bench/growth_fixture.cc), a cycle over all of them with 1,000 reviews in it, and the
# people team's board (grouped by next level, the distribution and the pipeline) read by wrk on
# 127.0.0.1; then the board filtered to one manager's organisation.
# Target (docs/performance.md): p99 under 50 ms at 16 connections.
#   bench/load/cycle_board_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [PEOPLE] [REVIEWS]
# The fixture database is built once in $TMPDIR/ladder-growth-PEOPLE.db (as growth_load.sh
# does) and copied; the cycle is opened on the copy. Prints the figures; exits 1 when the target
# is missed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
seconds=${2:-10}
connections=${3:-16}
people=${4:-10000}
reviews=${5:-1000}
ladder=$build/ladder
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 2; }
done
fixture=${TMPDIR:-/tmp}/ladder-growth-$people.db
if [[ ! -f $fixture ]]; then
  "$build/bench/growth_fixture" "sqlite:$fixture.part" "$people"
  mv "$fixture.part" "$fixture"
fi
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cp "$fixture" "$tmp/ladder.db"
export LADDER_DATABASE=sqlite:$tmp/ladder.db

echo "load-test-password" | "$ladder" user add hr --role people_team --person p00000 \
  --password-stdin >/dev/null
today=$(date -u +%F)
day() { date -u -d "$today + $1 days" +%F; }
deadlines=()
n=14
for phase in nominations self_review manager_review panels calibration decisions communicated; do
  deadlines+=(--deadline "$phase=$(day $n)")
  n=$((n + 14))
done
started=$(date +%s%N)
"$ladder" cycle open "Load season" --id load --framework engineering --evaluation "$(day 30)" \
  "${deadlines[@]}" --by p00000 >/dev/null
open_ms=$((($(date +%s%N) - started) / 1000000))
# Reviews for the first REVIEWS people who are not managers (managers are p00000, p00025, ...).
list=$(python3 -c "print(','.join([f'p{i:05d}' for i in range($people) if i % 25][:$reviews]))")
started=$(date +%s%N)
"$ladder" cycle open-reviews load --people "$list" --by p00000 >/dev/null
reviews_ms=$((($(date +%s%N) - started) / 1000000))
in_cycle=$("$ladder" cycle report load --json | python3 -c \
  'import json,sys; print(sum(1 for r in json.load(sys.stdin)["candidates"] if r["review"]))')

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$ladder" serve --listen "127.0.0.1:$port" --quiet >/dev/null 2>&1 &
server=$!
base=http://127.0.0.1:$port
for _ in $(seq 200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done
cookie=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"user":"hr","password":"load-test-password"}' "$base/api/v1/session" |
  sed -n 's/^Set-Cookie: \(ladder_session=[^;]*\).*/\1/p' | tr -d '\r')
[[ -n $cookie ]] || { echo "could not sign in" >&2; exit 2; }
to_ms() { python3 -c "import sys; v=sys.argv[1]; print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)" "$1"; }
ok=1
for path in "/cycles/load" "/cycles/load?manager=p00025&sort=readiness"; do
  status=$(curl -s -o "$tmp/board.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  [[ $status == 200 ]] && grep -q "people in scope" "$tmp/board.html" ||
    { echo "the board is not served ($status)" >&2; exit 2; }
  bytes=$(wc -c < "$tmp/board.html")
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$path" > "$tmp/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$tmp/wrk.txt" || true)
  echo "board $path ($bytes bytes): $rps req/s, p99 $p99 at $connections connections"
  [[ -z $errors ]] || { echo "errors: $errors"; ok=0; }
  python3 -c "import sys; sys.exit(0 if $(to_ms "$p99") < 50 else 1)" ||
    { echo "target missed: p99 >= 50 ms"; ok=0; }
done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
echo "$people people, $in_cycle reviews in the cycle; opened in $open_ms ms, reviews opened in $reviews_ms ms; server peak memory $((rss_kb / 1024)) MB"
((ok)) || exit 1
