#!/usr/bin/env bash
# /metrics scraped by a real Prometheus server (Debian's) on loopback with the metrics token from
# the environment, and the JSON-lines log of `ladder serve --log-format json`: every line an
# object, each request with its id.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
command -v prometheus > /dev/null || { echo "FAIL: prometheus is not installed (scripts/setup.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
server="" prom=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  [[ -n $prom ]] && kill "$prom" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$tmp/log" >&2 || true; tail -20 "$tmp/prom.log" >&2 || true; exit 1; }
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
LADDER_METRICS_TOKEN=$token "$LADDER" serve --listen 127.0.0.1:0 --database "sqlite:$tmp/ladder.db" \
  --log-format json 2> "$tmp/log" &
server=$!
for _ in $(seq 200); do grep -q "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || fail "server did not start"
base=http://127.0.0.1:$port
curl -sf "$base/healthz" > /dev/null || fail "/healthz"
curl -s -o /dev/null "$base/f/engineering/index.html"
curl -s -o /dev/null "$base/f/engineering/index.html"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$base/metrics") == 401 ]] || fail "/metrics without the token"

# Prometheus scrapes it every second: one job with the token, one with a wrong one.
printf '%s' "$token" > "$tmp/token"
printf 'not-the-token' > "$tmp/wrong"
cat > "$tmp/prometheus.yml" <<YAML
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: ladder
    authorization: {credentials_file: $tmp/token}
    static_configs: [{targets: ["127.0.0.1:$port"]}]
  - job_name: intruder
    authorization: {credentials_file: $tmp/wrong}
    static_configs: [{targets: ["127.0.0.1:$port"]}]
YAML
pport=$(free_port)
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/tsdb" \
  --web.listen-address="127.0.0.1:$pport" > "$tmp/prom.log" 2>&1 &
prom=$!
query() { curl -s --get "http://127.0.0.1:$pport/api/v1/query" --data-urlencode "query=$1"; }
ok=""
for _ in $(seq 150); do
  out=$(query 'ladder_http_requests_total{job="ladder",route="/healthz",code="200"}' 2>/dev/null || true)
  jobs=$(query 'up' 2>/dev/null | grep -o '"job":"[a-z]*"' | sort -u | wc -l || true)
  if [[ $out == *'"result":[{'* && $jobs == 2 ]]; then ok=1; break; fi
  sleep 0.2
done
[[ -n $ok ]] || fail "Prometheus never stored a scraped series of both jobs: $(query up)"
query 'up' > "$tmp/up.json"
query 'ladder_db_pool_connections{job="ladder"}' > "$tmp/pool.json"
query 'process_resident_memory_bytes{job="ladder"}' > "$tmp/rss.json"
curl -s "http://127.0.0.1:$pport/api/v1/targets" > "$tmp/targets.json"
$PY - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
up = {r["metric"]["job"]: r["value"][1] for r in json.load(open(d + "/up.json"))["data"]["result"]}
assert up == {"ladder": "1", "intruder": "0"}, up
pool = json.load(open(d + "/pool.json"))["data"]["result"]
assert pool and float(pool[0]["value"][1]) >= 1, pool
rss = json.load(open(d + "/rss.json"))["data"]["result"]
assert rss and float(rss[0]["value"][1]) > 1e6, rss
targets = json.load(open(d + "/targets.json"))["data"]["activeTargets"]
intruder = [t for t in targets if t["labels"]["job"] == "intruder"][0]
assert "401" in intruder["lastError"], intruder
PY

# The log: every line is a JSON object; each request has its id, route, status and time.
kill "$server"; wait "$server" 2>/dev/null || true; server=""
$PY - "$tmp/log" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert all({"time", "level", "logger"} <= set(l) for l in lines), lines[:3]
access = [l for l in lines if l["logger"] == "access"]
scrapes = [l for l in access if l["route"] == "/metrics" and l["status"] == 200]
refused = [l for l in access if l["route"] == "/metrics" and l["status"] == 401]
assert len(scrapes) >= 1 and len(refused) >= 2, (len(scrapes), len(refused))
assert all(len(l["request_id"]) == 16 and isinstance(l["ms"], float) for l in access), access[:3]
assert len({l["request_id"] for l in access}) == len(access), "request ids repeat"
assert any(l.get("message", "").startswith("serving ") for l in lines)
assert any(l.get("message") == "stopped" for l in lines)
PY
echo "metrics_scrape_test: ok"
