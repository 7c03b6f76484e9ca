#!/usr/bin/env bash
# Load test of `ladder serve` on two pages of the published site, with wrk on 127.0.0.1: a level
# page (rendered once, then served from the page cache with its ETag) and a search page
# (`/search.html?q=...`, searched and rendered on every request). Given several binaries (e.g.
# before and after a change), each is started on its own copy of the same database and the
# rounds alternate between them, so that all see the same load on the machine; medians are
# reported.
#   bench/load/serve_pages.sh SECONDS CONNECTIONS ROUNDS LADDER_BINARY...
# Prints one line per binary and page.
set -euo pipefail
seconds=${1:?seconds}
connections=${2:?connections}
rounds=${3:?rounds}
shift 3
(($# > 0)) || { echo "usage: $0 SECONDS CONNECTIONS ROUNDS LADDER_BINARY..." >&2; exit 2; }
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 2; }
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bases=()
for i in $(seq 0 $(($# - 1))); do
  binary=${*:$((i + 1)):1}
  port=$(free_port)
  # An empty database gets the examples, published.
  "$binary" serve --listen "127.0.0.1:$port" --database "sqlite:$tmp/db$i.db" --public --quiet \
    2>"$tmp/serve$i.log" &
  pids+=($!)
  for _ in $(seq 200); do grep -q serving "$tmp/serve$i.log" && break; sleep 0.05; done
  grep -q serving "$tmp/serve$i.log" || { cat "$tmp/serve$i.log" >&2; exit 2; }
  bases+=("http://127.0.0.1:$port")
done

# The first level page of the first framework, and a search that has hits.
base=${bases[0]}
fw=$(curl -sf "$base/" | grep -o 'href="f/[^"]*/index.html"' | head -1 | sed 's/href="//; s/index.html"//')
level=$(curl -sf "$base/$fw" | grep -o 'href="\.\./\.\./f/[^"]*/[^"/]*\.html"' | grep -v 'compare\|tracks\|changelog\|index' | head -1 | sed 's|href="\.\./\.\./||; s/"$//')
[[ -n $level ]] || { echo "no level page found" >&2; exit 2; }
search="search.html?q=review"
curl -sf "$base/$search" -o "$tmp/search.html"
grep -q '<mark>' "$tmp/search.html" || { echo "the search page shows no hit" >&2; exit 2; }

run() {  # url -> "req/s p99_ms non2xx"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" > "$tmp/wrk.txt"
  local rps p99 bad
  rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
  bad=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket-errors"}' "$tmp/wrk.txt" | tr '\n' ' ')
  case $p99 in
    *us) p99=$(awk -v v="${p99%us}" 'BEGIN {printf "%.3f", v / 1000}') ;;
    *ms) p99=${p99%ms} ;;
    *s) p99=$(awk -v v="${p99%s}" 'BEGIN {printf "%.3f", v * 1000}') ;;
  esac
  echo "$rps $p99 ${bad:-0}"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "wrk -t2 -c$connections -d${seconds}s on 127.0.0.1, $rounds alternating rounds, medians;" \
  "load average before: $load_before"
for page in "$level" "$search"; do
  for b in "${bases[@]}"; do wrk -t2 -c"$connections" -d2s "$b/$page" >/dev/null; done  # warm-up
  declare -A rps=() p99=() bad=()
  for _ in $(seq "$rounds"); do
    for i in "${!bases[@]}"; do
      read -r r p e < <(run "${bases[$i]}/$page")
      rps[$i]+="$r " p99[$i]+="$p " bad[$i]+="$e "
    done
  done
  for i in "${!bases[@]}"; do
    # shellcheck disable=SC2086
    printf '%-40s /%-28s %10s req/s   p99 %8s ms   (rounds: %s/ %s; errors: %s)\n' \
      "${*:$((i + 1)):1}" "$page" "$(median ${rps[$i]})" "$(median ${p99[$i]})" "${rps[$i]}" \
      "${p99[$i]}" "${bad[$i]}"
  done
  unset rps p99 bad
done
