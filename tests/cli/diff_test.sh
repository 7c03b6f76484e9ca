#!/usr/bin/env bash
# `ladder diff`: two levels of a framework, two versions of a framework; exit codes as diff(1),
# --json, bad input.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FW="$LADDER_SOURCE_DIR/tests/cli/testdata/field_ops.yaml"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND...: stdout to $T/out, stderr to $T/err
  local want=$1 rc=0
  shift
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want; stderr: $(cat "$T/err")"
}

# Two levels of one track: T1 -> T2 of the fixture (tests/cli/testdata/field_ops.yaml).
expect_exit 1 "$LADDER" diff "$FW" T1 T2
cat "$T/out"
grep -qx "ic/T1 Technician -> ic/T2 Senior Technician" "$T/out" || fail "heading"
grep -qx "~ rank: 1 -> 2" "$T/out" || fail "rank"
grep -qx "~ years_of_experience: 0 to 2 -> 2 to 5" "$T/out" || fail "attribute"
grep -qx "Repair work (repair)" "$T/out" || fail "competency heading"
grep -qx "  ~ Completes \[-routine-\] {+complex+} repairs \[-from-\] {+without+} a checklist" "$T/out" \
  || fail "reworded behaviour"
grep -qx "  + Reports near misses the same day" "$T/out" || fail "added behaviour"
grep -qx "Coaching (coaching): newly defined" "$T/out" || fail "newly defined cell"
grep -qx "+ requirement: 12 months at T1  \[{time_at_level: {level: T1, months: 12}}\]" "$T/out" \
  || fail "requirement"
# Unchanged behaviours are not listed.
! grep -q "Logs every job" "$T/out" || fail "unchanged behaviour listed"

# Across tracks, with track/code references.
expect_exit 1 "$LADDER" diff "$FW" ic/T2 mgmt/S1
grep -qx "  - Reports near misses the same day" "$T/out" || fail "removed across tracks"
grep -qx "  + Runs the monthly safety drill" "$T/out" || fail "added across tracks"

# A level with itself: no differences, exit 0, nothing printed.
expect_exit 0 "$LADDER" diff "$FW" T2 ic/T2
[[ ! -s $T/out ]] || fail "no differences printed something"

# --json for levels.
expect_exit 1 "$LADDER" diff --json "$FW" T1 T2
"$PY" - "$T/out" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "levels" and d["changed"] is True
assert d["from"] == {"track": "ic", "code": "T1", "title": "Technician", "rank": 1}, d["from"]
assert d["to"]["code"] == "T2"
repair = next(c for c in d["competencies"] if c["competency"] == "repair")
assert repair["unchanged"] == ["Logs every job in the tracker"]
assert repair["reworded"][0]["words"] == [
    {"kind": "equal", "text": "Completes"}, {"kind": "delete", "text": "routine"},
    {"kind": "insert", "text": "complex"}, {"kind": "equal", "text": "repairs"},
    {"kind": "delete", "text": "from"}, {"kind": "insert", "text": "without"},
    {"kind": "equal", "text": "a checklist"}], repair["reworded"]
assert d["requirements"][0]["kind"] == "added"
PYEOF
expect_exit 0 "$LADDER" diff --json "$FW" T1 T1
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changed"] is False' "$T/out"

# Two versions: a second version with a renamed competency, a reworded requirement, a new
# level, a removed level and a new policy line.
"$PY" - "$FW" "$T/v2.yaml" <<'PYEOF'
import sys
text = open(sys.argv[1]).read()
for old, new in [
    ('version: "2025.1"', 'version: "2025.2"'),
    ("    name: Repair work\n", "    name: Repairs\n"),
    ("          - text: 12 months at T1\n            rule: {time_at_level: {level: T1, months: 12}}",
     "          - text: 18 months at T1\n            rule: {time_at_level: {level: T1, months: 18}}"),
    ("        note: Not defined yet\n",
     "        note: Not defined yet\n      - code: T4\n        rank: 4\n        title: Principal Technician\n        state: undefined\n"),
    ("policy:\n  - text: A successful peer review\n    rule: {peer_review: passed}\n",
     "policy:\n  - text: A successful peer review\n    rule: {peer_review: passed}\n  - text: Manager approval\n    rule: {approval: {by: manager}}\n"),
]:
    assert old in text, old
    text = text.replace(old, new, 1)
open(sys.argv[2], "w").write(text)
PYEOF
expect_exit 1 "$LADDER" diff "$FW" "$T/v2.yaml"
cat "$T/out"
grep -qx "field-ops 2025.1 -> 2025.2" "$T/out" || fail "version heading"
grep -qx "~ competency repair (renamed)" "$T/out" || fail "renamed competency"
grep -qx "  ~ name: \[-Repair work-\] {+Repairs+}" "$T/out" || fail "renamed competency name"
grep -qx "~ level ic/T2" "$T/out" || fail "changed level"
grep -qx "  ~ requirement: \[-12-\] {+18+} months at T1  \[{time_at_level: {level: T1, months: 12}} -> {time_at_level: {level: T1, months: 18}}\]" "$T/out" \
  || fail "changed requirement"
grep -qx "+ level ic/T4" "$T/out" || fail "added level"
grep -qx "  + requirement: Manager approval  \[{approval: {by: manager}}\]" "$T/out" || fail "policy"
expect_exit 1 "$LADDER" diff --json "$FW" "$T/v2.yaml"
"$PY" - "$T/out" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "versions" and d["changed"] is True
assert (d["from_version"], d["to_version"]) == ("2025.1", "2025.2")
assert d["competencies"] == [{"kind": "renamed", "before_id": "repair", "after_id": "repair",
    "name": {"before": "Repair work", "after": "Repairs",
             "words": [{"kind": "delete", "text": "Repair work"}, {"kind": "insert", "text": "Repairs"}]},
    "description": None}], d["competencies"]
assert [(l["kind"], l["track"], l["code"]) for l in d["levels"]] == [
    ("changed", "ic", "T2"), ("added", "ic", "T4")], d["levels"]
assert d["levels"][0]["diff"]["requirements"][0]["kind"] == "changed"
assert d["policy"][0]["kind"] == "added"
PYEOF
# A version with itself: exit 0.
expect_exit 0 "$LADDER" diff "$FW" "$FW"
[[ ! -s $T/out ]] || fail "same version printed something"

# The same two versions, stored in a database.
DB="sqlite:$T/ladder.db"
"$LADDER" load --database "$DB" "$FW" "$T/v2.yaml" >/dev/null
"$LADDER" diff --json "$FW" "$T/v2.yaml" >"$T/files.json" || true
expect_exit 1 "$LADDER" diff --json --database "$DB" stored:field-ops@2025.1 stored:field-ops@2025.2
cmp "$T/out" "$T/files.json" || fail "stored versions diff differently from their files"
expect_exit 1 "$LADDER" diff --database "$DB" stored:field-ops@2025.2 T1 T2

# Bad input.
expect_exit 2 "$LADDER" diff "$FW" "$T/missing.yaml"
grep -q "missing.yaml: no such file" "$T/err" || fail "missing file: $(cat "$T/err")"
expect_exit 2 "$LADDER" diff "$FW" T1 T9
grep -q "no level 'T9'" "$T/err" || fail "unknown level: $(cat "$T/err")"
expect_exit 2 "$LADDER" diff "$FW" T1 IC/T2
grep -q "did you mean 'ic/T2'" "$T/err" || fail "did you mean: $(cat "$T/err")"
printf 'ladder: 1\nframework:\n  id: [x\n' >"$T/bad.yaml"
expect_exit 2 "$LADDER" diff "$T/bad.yaml" "$FW"
grep -q "^ladder: $T/bad.yaml:[0-9]*:[0-9]*: " "$T/err" || fail "invalid YAML: $(cat "$T/err")"
expect_exit 2 "$LADDER" diff "$FW"
expect_exit 2 "$LADDER" diff "$FW" T1 T2 T3
echo "diff_test: ok"
