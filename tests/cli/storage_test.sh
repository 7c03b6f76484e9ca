#!/usr/bin/env bash
# Storage from the command line: load frameworks into a database, search them, back the
# database up and restore it; import --into with the seeds once `ladder import` has --into.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fixtures=$LADDER_SOURCE_DIR/tests/cli/storage_fixtures
db="sqlite:$dir/ladder.db"
fail() { echo "storage_test: $*" >&2; exit 1; }

# load: one transaction; a broken file stores nothing.
printf 'ladder: 1\nframework: {id: broken\n' > "$dir/broken.yaml"
if "$LADDER" load "$fixtures/platform.yaml" "$dir/broken.yaml" --publish --database "$db" 2> "$dir/err"; then
  fail "load accepted a broken file"
fi
grep -q "broken.yaml" "$dir/err" || fail "the error does not name the broken file: $(cat "$dir/err")"
if "$LADDER" search review --database "$db" > /dev/null 2>&1; then
  fail "a failed load stored something"
fi

"$LADDER" load "$fixtures/platform.yaml" --publish --database "$db" > "$dir/out"
grep -q "stored platform@2025.1 (published)" "$dir/out" || fail "load said: $(cat "$dir/out")"
# Loading the same published version again changes nothing.
"$LADDER" load "$fixtures/platform.yaml" --publish --database "$db" | grep "(unchanged)" >/dev/null \
  || fail "reloading an identical published version was not reported unchanged"

# search: text and JSON, each hit naming framework, level and competency.
LADDER_DATABASE="$db" "$LADDER" search "code review" > "$dir/hits"
[[ $(grep -c "\[code\] \[review\]" "$dir/hits") == 2 ]] || fail "expected two marked hits: $(cat "$dir/hits")"
grep -q "Platform Engineering (platform@2025.1) › ic › P1 Platform Engineer › quality  \[behaviour\]" "$dir/hits" \
  || fail "the P1 hit does not name its place: $(cat "$dir/hits")"
"$LADDER" search "code review" --json --database "$db" > "$dir/hits.json"
/usr/bin/python3 - "$dir/hits.json" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))
places = sorted((h["framework"], h["level"], h["competency"], h["kind"]) for h in hits)
assert places == [("platform", "P1", "quality", "behaviour"), ("platform", "P2", "quality", "behaviour")], places
assert all("[code] [review]" in h["snippet"] for h in hits), hits
PY
set +e
"$LADDER" search "zeppelin" --database "$db" > /dev/null 2>&1; rc=$?
"$LADDER" search "code" --database "mysql://nowhere" > /dev/null 2> "$dir/err"; rc2=$?
set -e
[[ $rc == 1 ]] || fail "no hits should exit 1, got $rc"
[[ $rc2 == 2 ]] || fail "an unknown database URL should exit 2, got $rc2"
grep -q "unknown database URL" "$dir/err" || fail "unclear error: $(cat "$dir/err")"

# backup and restore round trip: identical content.
"$LADDER" backup "$dir/backup.db" --database "$db"
if "$LADDER" backup "$dir/backup.db" --database "$db" 2> /dev/null; then fail "backup overwrote a file"; fi
"$LADDER" search "calibration" --database "$db" --json > "$dir/before.json"
sed -e 's/id: platform/id: tooling/' -e 's/calibration/zeppelin/' "$fixtures/platform.yaml" > "$dir/tooling.yaml"
"$LADDER" load "$dir/tooling.yaml" --publish --database "$db" > /dev/null
"$LADDER" search zeppelin --database "$db" > /dev/null || fail "the second framework was not stored"
"$LADDER" restore "$dir/backup.db" --database "$db"
"$LADDER" search "calibration" --database "$db" --json > "$dir/after.json"
cmp -s "$dir/before.json" "$dir/after.json" || fail "restored search differs"
if "$LADDER" search zeppelin --database "$db" > /dev/null 2>&1; then
  fail "what was stored after the backup survived the restore"
fi
dump() { for t in framework_versions levels passages roles audit_log; do sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2"; done; }
if command -v sqlite3 > /dev/null; then
  [[ "$(dump "$dir/ladder.db")" == "$(dump "$dir/backup.db")" ]] || fail "restored content differs from the backup"
fi
echo "not a database" > "$dir/junk.db"
if "$LADDER" restore "$dir/junk.db" --database "$db" 2> "$dir/err"; then fail "restored a junk file"; fi
"$LADDER" search "calibration" --database "$db" > /dev/null || fail "a refused restore damaged the database"

# PostgreSQL: backup is pg_dump's job, and the refusal says so.
if [[ -n ${LADDER_TEST_POSTGRES:-} ]]; then
  if "$LADDER" backup "$dir/pg.db" --database "$LADDER_TEST_POSTGRES" 2> "$dir/err"; then fail "pg backup"; fi
  grep -q pg_dump "$dir/err" || fail "the refusal does not mention pg_dump: $(cat "$dir/err")"
fi

# import --into: the "code review" passages of seeds 000 and 001 are found, naming their place.
sdb="sqlite:$dir/seeds.db"
: > "$dir/stored"
for seed in "$SEEDS"/000_*.txt "$SEEDS"/001_*.txt; do
  "$LADDER" import "$seed" --into "$sdb" --publish > "$dir/import.out" 2> "$dir/import.err" \
    || fail "import --into $seed: $(cat "$dir/import.err")"
  [[ ! -s "$dir/import.out" ]] || fail "import --into also printed the framework"
  grep -o "^stored [^@]*" "$dir/import.err" | cut -d' ' -f2 >> "$dir/stored"
done
[[ $(wc -l < "$dir/stored") == 2 ]] || fail "expected two stored frameworks: $(cat "$dir/stored")"
"$LADDER" search "code review" --json --limit 100 --database "$sdb" > "$dir/seed_hits.json"
/usr/bin/python3 - "$dir/seed_hits.json" "$dir/stored" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))
stored = set(open(sys.argv[2]).read().split())
found = {h["framework"] for h in hits if "[code] [review" in h["snippet"]}
assert found == stored, (found, stored)
for h in hits:
    assert h["framework_name"] and h["version"], h
    if h["kind"] == "behaviour":
        assert h["level"] and h["level_title"] and h["competency"], h
PY
# A failed import --into leaves the database as it was.
printf 'ladder: 1\nframework: {id: broken\n' > "$dir/broken.yaml"
if "$LADDER" import "$dir/broken.yaml" --into "$sdb" --publish 2> /dev/null; then fail "imported a broken file"; fi
if "$LADDER" import "$fixtures/platform.yaml" --publish 2> /dev/null; then fail "--publish without --into"; fi

# Several inputs with --into: each is its own framework, all stored in one transaction.
adb="sqlite:$dir/all.db"
"$LADDER" import "$SEEDS"/*.txt --into "$adb" --publish 2> "$dir/all.err" \
  || fail "import of all seeds: $(cat "$dir/all.err")"
[[ $(grep -c "^stored .*(published)" "$dir/all.err") == 5 ]] || fail "five seeds: $(cat "$dir/all.err")"
"$LADDER" search "peer review" --json --database "$adb" > "$dir/all_hits.json"
[[ $(/usr/bin/python3 -c 'import json,sys; print(len({h["framework"] for h in json.load(open(sys.argv[1]))}))' "$dir/all_hits.json") -ge 1 ]] \
  || fail "no peer review passage found"
# ... and when one of them is bad, none is stored.
bdb="sqlite:$dir/none.db"
if "$LADDER" import "$SEEDS"/001_*.txt "$dir/broken.yaml" --into "$bdb" --publish 2> "$dir/none.err"; then
  fail "a bad input among several was accepted"
fi
grep -q "broken.yaml" "$dir/none.err" || fail "the error does not name the bad file: $(cat "$dir/none.err")"
"$LADDER" search "consistent" --json --database "$bdb" > "$dir/none_hits.json" 2> /dev/null || true
[[ ! -s "$dir/none_hits.json" || $(cat "$dir/none_hits.json") == "[]" ]] \
  || fail "a failed multi-input import stored something: $(cat "$dir/none_hits.json")"
echo "storage_test: ok"
