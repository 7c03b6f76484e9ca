#!/usr/bin/env bash
# `ladder change`: a change request's journey from the command line on SQLite and, when
# LADDER_TEST_POSTGRES names a server (scripts/with-postgres.sh), on PostgreSQL: the policy
# requires approval, a direct publish is refused naming `ladder change propose`, Ana proposes,
# Ben approves, Cleo publishes; exit codes and --json; the dump carries the requests from one
# database to the other. (The committee's whole story, with requests for changes and
# withdrawals, is tests/scenarios/change_requests.txt.)
set -euo pipefail
: "${LADDER:?set LADDER to the ladder binary}" "${LADDER_SOURCE_DIR:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
fixture=$LADDER_SOURCE_DIR/tests/scenarios/fixtures/support-paths.yaml
if [[ ${CI:-} == true && -z ${LADDER_TEST_POSTGRES:-} ]]; then
  fail "CI=true but LADDER_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)"
fi

pg_db() {  # pg_db NAME: the URL of a new, empty database on the test server
  local name="ladder_change_$$_$1"
  PGOPTIONS='-c client_min_messages=warning' psql "$LADDER_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $name" \
    -c "CREATE DATABASE $name" > /dev/null
  echo "${LADDER_TEST_POSTGRES%/*}/$name"
}

# expect CODE TEXT COMMAND...: runs `ladder COMMAND...`, which must exit CODE with TEXT in its
# output.
expect() {
  local code=$1 text=$2
  shift 2
  set +e
  "$LADDER" "$@" > "$dir/out" 2>&1
  local rc=$?
  set -e
  [[ $rc == "$code" ]] || fail "ladder $* exited $rc, not $code: $(cat "$dir/out")"
  grep -qF -- "$text" "$dir/out" || fail "ladder $*: no '$text' in: $(cat "$dir/out")"
}

journey() {  # journey DATABASE-URL
  export LADDER_DATABASE=$1
  "$LADDER" load "$fixture" --publish > /dev/null
  printf 'id,name,email,manager,framework,track,level,since\n%s\n%s\n%s\n' \
    "ana,Ana,ana@example.com,,support-paths,ic,SUP2,2020-01-01" \
    "ben,Ben,ben@example.com,,support-paths,ic,SUP2,2020-01-01" \
    "cleo,Cleo,cleo@example.com,,support-paths,ic,SUP2,2020-01-01" > "$dir/people.csv"
  "$LADDER" people import "$dir/people.csv" > /dev/null
  for who in ana ben; do
    echo "Quartz-Meadow-7391" | "$LADDER" user add $who --role people_team --person $who --password-stdin > /dev/null
  done
  echo "Quartz-Meadow-7391" | "$LADDER" user add cleo --role admin --person cleo --password-stdin > /dev/null
  expect 0 "requires an approved change request" policy set support-paths --requires-approval true --new-version 1.1

  sed 's/^  version: "1"$/  version: "2"/' "$fixture" > "$dir/v2.yaml"
  "$LADDER" load "$dir/v2.yaml" > /dev/null
  expect 2 'propose it with `ladder change propose support-paths 2' load "$dir/v2.yaml" --publish
  expect 2 "--title is required" change propose support-paths 2 --by ana
  "$LADDER" change propose support-paths 2 --title "Tickets to resolution" --reason "Committee" \
    --by ana --json > "$dir/cr.json"
  id=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/cr.json")
  [[ $id == cr-* ]] || fail "a change request's id: $id"
  expect 2 "cannot approve it" change review "$id" --by ana --approve
  expect 2 "still needs an approval by someone other than ana" change publish "$id" --by cleo
  expect 0 "approved" change review "$id" --by ben --approve
  expect 0 "published by cleo" change publish "$id" --by cleo
  "$LADDER" change list support-paths --status published --json | /usr/bin/python3 -c '
import json, sys
found = json.load(sys.stdin)
assert [(r["id"], r["version"], r["author"], r["closed_by"]) for r in found] == \
    [(sys.argv[1], "2", "ana", "cleo")], found' "$id" || fail "change list --json"
  expect 2 "no change request 'cr-none'" change show cr-none --json
  unset LADDER_DATABASE
}

journey "sqlite:$dir/ladder.db"
"$LADDER" export --all --database "sqlite:$dir/ladder.db" > "$dir/all.json"
"$LADDER" restore "$dir/all.json" --database "sqlite:$dir/copy.db" 2> "$dir/err" \
  || fail "restore: $(cat "$dir/err")"
"$LADDER" export --all --database "sqlite:$dir/copy.db" | cmp -s - "$dir/all.json" \
  || fail "the restored dump differs"
"$LADDER" change list --json --database "sqlite:$dir/copy.db" | grep -qF '"status": "published"' \
  || fail "the restored database lost its change request"

if [[ -n ${LADDER_TEST_POSTGRES:-} ]]; then
  journey "$(pg_db journey)"
  pg=$(pg_db copy)
  "$LADDER" restore "$dir/all.json" --database "$pg" 2> "$dir/err" \
    || fail "restore into PostgreSQL: $(cat "$dir/err")"
  "$LADDER" export --all --database "$pg" | cmp -s - "$dir/all.json" \
    || fail "SQLite -> PostgreSQL changed the dump"
else
  echo "change_requests_test: PostgreSQL skipped (LADDER_TEST_POSTGRES not set)" >&2
fi
echo ok
