#!/usr/bin/env bash
# Two processes on one SQLite file: while `ladder people import` writes a large HRIS export in one
# transaction, `ladder serve` keeps answering reads at once and its writes (evidence posted over
# the API) wait for the import instead of failing with 503, and so does a second command
# writing. The busy timeout is cut to a few milliseconds (sqlite:PATH?busy_timeout=MS) so that
# every write that meets the import has to wait past it: the logs of the server and of the
# command show the retries.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
importer=""
commands=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  [[ -n $importer ]] && kill "$importer" 2>/dev/null
  [[ -n $commands ]] && kill "$commands" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "storage_busy_test: $*" >&2; cat "$tmp/log" >&2 || true; exit 1; }

db="sqlite:$tmp/ladder.db?busy_timeout=5"
export LADDER_DATABASE=$db
"$LADDER" load "$LADDER_SOURCE_DIR/tests/cli/storage_fixtures/people.yaml" --publish > /dev/null
printf 'id,name,email,manager,framework,track,level,since\n' > "$tmp/crew.csv"
printf 'cap,Cora Vale,,,harbour,crew,C2,2018-04-01\n' >> "$tmp/crew.csv"
printf 'd1,Dina Holt,,cap,harbour,crew,C1,2023-03-01\n' >> "$tmp/crew.csv"
"$LADDER" people import "$tmp/crew.csv" > /dev/null
printf 'a-long-harbour-password\n' | "$LADDER" user add cora --role admin --person cap \
  --password-stdin > /dev/null
token=$("$LADDER" user token cora --name busy-test 2> /dev/null | tail -1)
[[ $token == ldr_* ]] || fail "no token: $token"

# A large export: the people above and 40,000 more, each with a period of level history.
/usr/bin/python3 - "$tmp/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,name,email,manager,framework,track,level,since\n")
    f.write("cap,Cora Vale,,,harbour,crew,C2,2018-04-01\n")
    f.write("d1,Dina Holt,,cap,harbour,crew,C1,2023-03-01\n")
    for i in range(40000):
        f.write(f"h{i},Hand {i},,cap,harbour,crew,C1,2024-0{1 + i % 9}-01\n")
PY

"$LADDER" serve --listen 127.0.0.1:0 --quiet 2> "$tmp/log" &
server=$!
for _ in $(seq 200); do grep -q "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || fail "server did not start"
base=http://127.0.0.1:$port
auth="Authorization: Bearer $token"

"$LADDER" people import "$tmp/big.csv" > "$tmp/import.out" 2> "$tmp/import.err" &
importer=$!
# A second command writes in a loop of its own, so that its waits do not hold up the server's.
(
  n=0
  while kill -0 "$importer" 2> /dev/null; do
    "$LADDER" evidence add cap --kind doc --title "Berth plan" --date 2024-05-03 > /dev/null \
      2>> "$tmp/cli.err" || { echo "failed" > "$tmp/cli.failed"; break; }
    n=$((n + 1))
  done
  echo "$n" > "$tmp/cli.count"
) &
commands=$!
writes=0 reads=0
while kill -0 "$importer" 2> /dev/null; do
  code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H "$auth" \
    -H 'Content-Type: application/json' -d '{"kind":"talk","title":"Quay safety","date":"2024-05-02"}' \
    "$base/api/v1/people/d1/evidence")
  [[ $code == 201 ]] || fail "a write during the import answered $code: $(cat "$tmp/body")"
  writes=$((writes + 1))
  code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H "$auth" "$base/api/v1/people/cap")
  [[ $code == 200 ]] || fail "a read during the import answered $code: $(cat "$tmp/body")"
  reads=$((reads + 1))
done
wait "$importer" || fail "the import failed: $(cat "$tmp/import.err")"
importer=""
wait "$commands"
commands=""
[[ ! -e $tmp/cli.failed ]] || fail "a second command writing during the import: $(cat "$tmp/cli.err")"
cli=$(cat "$tmp/cli.count")
grep -q "imported 40002 people" "$tmp/import.out" || fail "import said: $(cat "$tmp/import.out")"
((writes >= 2)) || fail "only $writes writes ran during the import"
grep -q "storage: the database is busy; trying again" "$tmp/log" \
  || fail "no write of the server had to wait for the import (the test did not overlap it)"
grep -q "storage: the database is busy; trying again" "$tmp/cli.err" \
  || fail "no write of the second command had to wait for the import"
! grep -q "sqlite3_statement_backend" "$tmp/body" || fail "an answer shows the database's internals"

# Every write landed once.
count=$(curl -s -H "$auth" "$base/api/v1/people/d1/evidence" \
  | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ $count == "$writes" ]] || fail "$writes evidence records posted, $count stored"
count=$(curl -s -H "$auth" "$base/api/v1/people/cap/evidence" \
  | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ $count == "$cli" ]] || fail "$cli evidence records added by the command, $count stored"
kill -TERM "$server"
wait "$server" || true
server=""
echo "storage_busy_test: $writes writes, $reads reads and $cli commands during the import"
