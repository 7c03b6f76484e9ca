#!/usr/bin/env bash
# Peak memory of `ladder serve` under a burst of simultaneous sign-ins. Each Argon2id check
# takes 19 MiB while it runs; the server lets --password-checks of them run at once (default 2)
# and the others wait their turn, so the peak stays near the idle server's whatever the burst.
# Target (docs/performance.md): at most 100 MB with 16 simultaneous sign-ins.
#   bench/load/signin_memory.sh [LADDER] [SIGN_INS] [PASSWORD_CHECKS]
# Prints: sign_ins=N password_checks=N idle_mb=N peak_mb=N seconds=S; exits 1 when the peak is
# over 100 MB.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ladder=${1:-$here/../../build/ladder}
sign_ins=${2:-16}
checks=${3:-2}
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 2; }
done
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

export LADDER_DATABASE=sqlite:$tmp/ladder.db
"$ladder" load "$here/../../examples/engineering.yaml" --publish >/dev/null
for i in $(seq "$sign_ins"); do
  echo "pass phrase of user $i" | "$ladder" user add "user$i" --password-stdin >/dev/null
done
"$ladder" serve --listen 127.0.0.1:0 --quiet --threads 32 --password-checks "$checks" 2> "$tmp/log" &
server=$!
for _ in $(seq 600); do grep -q "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || { echo "the server did not start: $(cat "$tmp/log")" >&2; exit 2; }
base=http://127.0.0.1:$port
curl -s -o /dev/null "$base/healthz"
idle=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$server/status")

# All sign-ins at once: each client waits at a barrier, then sends.
seconds=$(python3 - "$base" "$sign_ins" <<'PY'
import http.client, json, sys, threading, time, urllib.parse
base, n = sys.argv[1], int(sys.argv[2])
host = urllib.parse.urlparse(base)
barrier = threading.Barrier(n)
statuses = []
def sign_in(i):
    c = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    body = json.dumps({"user": "user%d" % i, "password": "pass phrase of user %d" % i})
    barrier.wait()
    c.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
    statuses.append(c.getresponse().status)
threads = [threading.Thread(target=sign_in, args=(i + 1,)) for i in range(n)]
start = time.monotonic()
for t in threads: t.start()
for t in threads: t.join()
if statuses.count(201) != n:
    sys.exit("sign-ins answered %s" % sorted(statuses))
print("%.2f" % (time.monotonic() - start))
PY
)
peak=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$server/status")
echo "sign_ins=$sign_ins password_checks=$checks idle_mb=$idle peak_mb=$peak seconds=$seconds"
(( peak <= 100 )) || { echo "over the target of 100 MB" >&2; exit 1; }
