#!/usr/bin/env bash
# Load test: `ladder serve` answering a level page from its database, against nginx (Debian's
# nginx-light) serving the very same bytes as a static file, with wrk on 127.0.0.1.
# Targets (docs/performance.md): Ladder >= 50% of nginx's requests/s, p99 < 5 ms at 16
# connections.
#   bench/load/serve_vs_nginx.sh [LADDER_BINARY] [SECONDS] [CONNECTIONS] [ROUNDS]
# Prints one line per server and the ratio; exits 1 when a target is missed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ladder=${1:-$here/../../build/ladder}
seconds=${2:-10}
connections=${3:-16}
rounds=${4:-3}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 2; }
done
tmp=$(mktemp -d)
chmod 755 "$tmp"  # nginx workers run as another user
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f $tmp/nginx.pid ]] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  sleep 0.2
  rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Ladder: an empty database gets the examples, published; serve it.
lport=$(free_port)
"$ladder" serve --listen "127.0.0.1:$lport" --database "sqlite:$tmp/bench.db" --public --quiet 2>"$tmp/ladder.log" &
pids+=($!)
for _ in $(seq 200); do grep -q serving "$tmp/ladder.log" && break; sleep 0.05; done
grep -q serving "$tmp/ladder.log" || { cat "$tmp/ladder.log" >&2; exit 2; }
# A level page: the framework page links its levels; take the first one of the first framework.
fw=$(curl -sf "http://127.0.0.1:$lport/" | grep -o 'href="f/[^"]*/index.html"' | head -1 | sed 's/href="//; s/index.html"//')
level=$(curl -sf "http://127.0.0.1:$lport/$fw" | grep -o 'href="\.\./\.\./f/[^"]*/[^"/]*\.html"' | grep -v 'compare\|tracks\|changelog\|index' | head -1 | sed 's|href="\.\./\.\./||; s/"$//')
[[ -n $level ]] || { echo "no level page found" >&2; exit 2; }
page="http://127.0.0.1:$lport/$level"

# nginx: the same bytes as a static file.
mkdir -p "$tmp/www/$(dirname "$level")" "$tmp/logs"
curl -sf "$page" -o "$tmp/www/$level"
chmod -R a+rX "$tmp/www"
nport=$(free_port)
# nginx set up for a static file at its best: one worker per core, each with its own listening
# socket (reuseport: the kernel spreads connections evenly), no access log, sendfile, open file
# descriptors cached, keep-alive for the whole run.
cat > "$tmp/nginx.conf" <<CONF
worker_processes $(nproc);
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events { worker_connections 4096; multi_accept on; use epoll; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  open_file_cache_valid 60s;
  etag on;
  types { text/html html; }
  client_body_temp_path $tmp/logs; proxy_temp_path $tmp/logs; fastcgi_temp_path $tmp/logs;
  uwsgi_temp_path $tmp/logs; scgi_temp_path $tmp/logs;
  server { listen 127.0.0.1:$nport reuseport backlog=4096; root $tmp/www; }
}
CONF
nginx -c "$tmp/nginx.conf" -p "$tmp" -g 'daemon on;' 2>"$tmp/logs/start.log"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nport/$level" -o /dev/null && break; sleep 0.05; done
cmp -s <(curl -sf "http://127.0.0.1:$nport/$level") <(curl -sf "$page") || { echo "nginx serves other bytes" >&2; exit 2; }

bytes=$(wc -c < "$tmp/www/$level")
# Response headers differ (Ladder sends ETag, Cache-Control, a Content-Security-Policy ...):
# their sizes are printed so that the bytes on the wire can be compared too.
lhead=$(curl -s -o /dev/null -D - "$page" | wc -c)
nhead=$(curl -s -o /dev/null -D - "http://127.0.0.1:$nport/$level" | wc -c)

# Both servers get the same wrk: the same threads and connections, HTTP/1.1 keep-alive (wrk
# keeps its connections open; both servers allow far more requests per connection than a run
# makes: Ladder 1,000 then a reconnect, nginx 1,000,000). Rounds alternate (ladder, nginx,
# ladder, nginx, ...) so that both see the same load on the machine; medians are reported.
run() {  # name url -> "req/s p99_ms"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2" > "$tmp/$1.wrk"
  grep -q 'Socket errors' "$tmp/$1.wrk" && { echo "$1: $(grep 'Socket errors' "$tmp/$1.wrk")" >&2; }
  rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/$1.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/$1.wrk")
  case $p99 in
    *us) p99=$(awk -v v="${p99%us}" 'BEGIN {printf "%.3f", v / 1000}') ;;
    *ms) p99=${p99%ms} ;;
    *s) p99=$(awk -v v="${p99%s}" 'BEGIN {printf "%.3f", v * 1000}') ;;
  esac
  echo "$rps $p99"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wrk -t2 -c"$connections" -d2s "$page" >/dev/null  # warm-up
wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$nport/$level" >/dev/null
l_rps=() l_p99=() n_rps=() n_p99=()
for _ in $(seq "$rounds"); do
  read -r a b < <(run ladder "$page"); l_rps+=("$a"); l_p99+=("$b")
  read -r a b < <(run nginx "http://127.0.0.1:$nport/$level"); n_rps+=("$a"); n_p99+=("$b")
done
lr=$(median "${l_rps[@]}") lp=$(median "${l_p99[@]}") nr=$(median "${n_rps[@]}") np=$(median "${n_p99[@]}")
ratio=$(awk -v a="$lr" -v b="$nr" 'BEGIN {printf "%.0f", 100 * a / b}')
echo "page: /$level ($bytes bytes; headers: ladder $lhead, nginx $nhead bytes)"
echo "wrk -t2 -c$connections -d${seconds}s on 127.0.0.1, $rounds alternating rounds, medians;" \
  "nginx: $(nproc) workers; load average before: $load_before"
printf '%-14s %12s req/s   p99 %8s ms   (rounds: %s / %s)\n' \
  "ladder serve" "$lr" "$lp" "${l_rps[*]}" "${l_p99[*]}" "nginx" "$nr" "$np" "${n_rps[*]}" "${n_p99[*]}"
echo "ladder / nginx: ${ratio}% (target >= 50%), ladder p99 ${lp} ms (target < 5 ms)"
ok=$(awk -v r="$ratio" -v p="$lp" 'BEGIN {print (r >= 50 && p < 5) ? 1 : 0}')
[[ $ok == 1 ]]
