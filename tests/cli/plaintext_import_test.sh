#!/usr/bin/env bash
# `ladder import` on plain-text ladders (seed 004 and the fixtures of tests/golden/plain_text):
# tracks and levels, typed requirement rules, policy, transitions, garbled-row warnings,
# coverage, lint, and bad input.
set -euo pipefail
: "${LADDER:?}" "${SEEDS:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
FIX="$LADDER_SOURCE_DIR/tests/golden/plain_text"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Seed 004, detected from its content, as JSON.
"$LADDER" import "$SEEDS"/004_*.txt --to json -o "$T/004.json" 2> "$T/004.err"
$PY - "$T/004.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["framework"]["source"]["format"] == "plain-text"
tracks = {t["id"]: t for t in f["tracks"]}
assert list(tracks) == ["core", "ic", "management", "alternative"], list(tracks)
levels = {tid: [(l["code"], l["rank"]) for l in t["levels"]] for tid, t in tracks.items()}
assert levels["core"] == [("customer-engineer", 1)], levels
assert levels["ic"] == [("senior-engineer", 2), ("staff-engineer", 3)], levels
assert levels["management"] == [("team-lead", 2), ("manager", 3), ("manager-i", 4)], levels
assert levels["alternative"] == [("varies", 2), ("automation-engineer", 3)], levels
assert tracks["alternative"]["levels"][0]["state"] == "undefined"

def reqs(track, code):
    level = next(l for l in tracks[track]["levels"] if l["code"] == code)
    return [(r["text"], r["rule"]) for r in level["requirements"]]

assert reqs("ic", "senior-engineer") == [
    ("1 year at Level 1", {"time_at_level": {"level": "1", "months": 12}}),
    ("SME in at least two core skillsets (list elsewhere)", {"sme_skillsets": {"count": 2}}),
    ("Successful peer review", {"peer_review": "passed"}),
], reqs("ic", "senior-engineer")
lead = reqs("management", "team-lead")
assert lead[0] == ("Documented need for role", {"documented_need": "open"}), lead
assert lead[2][1] == "manual" and " OR " in lead[2][0], lead
auto = reqs("alternative", "automation-engineer")
assert ("SME in automation processes and tools",
        {"sme_skillsets": {"count": 1, "skill": "automation"}}) in auto, auto
assert [(t["from"], t["to"]) for t in f["transitions"]] == [("ic", "management"), ("management", "ic")]
assert [p["rule"] for p in f["policy"]] == [{"peer_review": "passed"}], f["policy"]
assert len(f["notes"]) == 6
PY
grep -q ":55: row garbled in extraction" "$T/004.err" || fail "garbled row not reported on stderr"

# The report: everything but one stray letter of the garbled row lands in the framework.
"$LADDER" import "$SEEDS"/004_*.txt --report --json -o "$T/004.yaml" > "$T/report.json"
$PY - "$T/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["source_words"] > 1000, r
assert r["imported_words"] >= r["source_words"] - 1, r
assert all(p["line"] == 55 for p in r["not_imported"]), r["not_imported"]
assert [w["line"] for w in r["warnings"]] == [36, 55], r["warnings"]
PY
"$LADDER" lint "$T/004.yaml" > /dev/null || [ $? -eq 1 ] || fail "lint could not read the import"

# Fixtures: bullets and extra columns; spaces and CRLF; no requirements column; forced format.
"$LADDER" import "$FIX/bullets_tabs.txt" > "$T/b.yaml"
grep -q "pay-band: B2" "$T/b.yaml" || fail "extra column not kept as attribute"
grep -q 'rule: {time_at_level: {level: "1", months: 24}}' "$T/b.yaml" || fail "rule not typed"
grep -q "inherits: technician" "$T/b.yaml" || fail "inheritance not resolved"
"$LADDER" import --from plain-text "$FIX/spaces_crlf.txt" > "$T/s.yaml"
grep -q "code: senior-analyst" "$T/s.yaml" || fail "space-separated table not read"
grep -q "rule: {sme_skillsets: {count: 2}}" "$T/s.yaml" || fail "semicolon requirements not split"
"$LADDER" import --from plain-text "$FIX/no_requirements.txt" | grep "code: L2" >/dev/null ||
  fail "table without requirements not read"

# Bad input: no role table (forced), a binary file: exit 2 with file and reason.
set +e
"$LADDER" import --from plain-text "$FIX/no_table.txt" -o "$T/nothing.yaml" 2> "$T/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "no table: exit $rc"
grep -q "no_table.txt:1: no role table found" "$T/err" || fail "no table: $(cat "$T/err")"
[ ! -e "$T/nothing.yaml" ] || fail "output written although the import failed"
printf 'Ladder\n\nRole\tRequirements\n\x00\x01\x02\n' > "$T/bin.txt"
set +e
"$LADDER" import --from plain-text "$T/bin.txt" > /dev/null 2> "$T/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "binary: exit $rc"
# A Grade column gives the level codes, so "2 years at S2" is a typed rule on a real level;
# dash and star bullets inside a cell are behaviours; "None" and "n/a" are no requirement.
"$LADDER" import "$LADDER_SOURCE_DIR/tests/golden/plain_text_ladder/grades.txt" -o "$T/grades.yaml"
grep -q "rule: {time_at_level: {level: S2, months: 24}}" "$T/grades.yaml" || fail "grade code not resolved"
grep -q -- "- Keeps the SLAs" "$T/grades.yaml" || fail "dash bullets not split"
grep -q -- "- Writes knowledge articles" "$T/grades.yaml" || fail "star bullets not split"
if grep -qi "text: none\|text: n/a" "$T/grades.yaml"; then fail "'None' read as a requirement"; fi
set +e
"$LADDER" lint "$T/grades.yaml" > /dev/null; rc=$?
set -e
[[ $rc -le 1 ]] || fail "grades.yaml does not lint: exit $rc"

echo ok
