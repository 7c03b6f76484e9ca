#!/usr/bin/env bash
# Load test of the web app for people: the my-growth page of a signed-in person, with 10,000
# people and their records in the embedded database (bench/growth_fixture.cc), with wrk on
# 127.0.0.1; also the server's peak memory and how soon it serves after it is started.
# Targets (docs/performance.md): p99 under 10 ms at 16 connections, at most 64 MB of memory,
# ready within 200 ms of start.
#   bench/load/growth_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS] [PEOPLE] [PAGE] [USER]
# PAGE is /me (the default) or /team; USER the account signed in: u00001 (the default, a person
# of a team of 25) or u00000 (the head of the organisation: everyone else reports to them).
# The database is built once in $TMPDIR/ladder-growth-PEOPLE.db and kept for later runs.
# Prints the figures; exits 1 when a target is missed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
seconds=${2:-10}
connections=${3:-16}
people=${4:-10000}
page=${5:-/me}
user=${6:-u00001}
ladder=$build/ladder
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 2; }
done
db=${TMPDIR:-/tmp}/ladder-growth-$people.db
if [[ ! -f $db ]]; then
  "$build/bench/growth_fixture" "sqlite:$db.part" "$people"
  mv "$db.part" "$db"
fi
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# Ready: from the exec of `ladder serve` to the first answer of /healthz.
ready_ms=$(python3 - "$ladder" "$db" "$port" "$tmp/pid" <<'PY'
import socket, subprocess, sys, time
ladder, db, port, pidfile = sys.argv[1:]
start = time.monotonic()
p = subprocess.Popen([ladder, "serve", "--listen", f"127.0.0.1:{port}", "--database",
                      f"sqlite:{db}", "--quiet"], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
open(pidfile, "w").write(str(p.pid))
while True:
    try:
        s = socket.create_connection(("127.0.0.1", int(port)), timeout=0.05)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        if s.recv(64).startswith(b"HTTP/1.1 200"):
            break
    except OSError:
        pass
    if time.monotonic() - start > 10:
        sys.exit("not ready after 10 s")
    time.sleep(0.002)
print(round((time.monotonic() - start) * 1000))
PY
)
server=$(cat "$tmp/pid")
base=http://127.0.0.1:$port
cookie=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"user\":\"$user\",\"password\":\"load-test-password\"}" "$base/api/v1/session" |
  sed -n 's/^Set-Cookie: \(ladder_session=[^;]*\).*/\1/p' | tr -d '\r')
[[ -n $cookie ]] || { echo "could not sign in" >&2; exit 2; }
status=$(curl -s -o "$tmp/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
expected="Checklist for"
[[ $page == /team* ]] && expected="Readiness for the next level"
[[ $status == 200 ]] && grep -q "$expected" "$tmp/page.html" ||
  { echo "$page is not served ($status)" >&2; exit 2; }
bytes=$(wc -c < "$tmp/page.html")

wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$page" > "$tmp/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
errors=$(grep -E "Non-2xx|Socket errors" "$tmp/wrk.txt" || true)
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
to_ms() { python3 -c "import sys; v=sys.argv[1]; print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)" "$1"; }
p99_ms=$(to_ms "$p99")
echo "$page as $user ($bytes bytes, $people people): $rps req/s, p99 $p99 at $connections connections"
echo "peak memory (VmHWM): $((rss_kb / 1024)) MB; ready $ready_ms ms after start"
[[ -z $errors ]] || { echo "errors: $errors"; exit 1; }
ok=1
python3 -c "import sys; sys.exit(0 if $p99_ms < 10 else 1)" || { echo "target missed: p99 >= 10 ms"; ok=0; }
((rss_kb <= 64 * 1024)) || { echo "target missed: memory > 64 MB"; ok=0; }
((ready_ms <= 200)) || { echo "target missed: ready after more than 200 ms"; ok=0; }
((ok)) || exit 1
