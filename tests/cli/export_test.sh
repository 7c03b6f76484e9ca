#!/usr/bin/env bash
# `ladder export --to yaml|json|md|csv|xlsx`: each format through the command, bad input.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FW="$LADDER_SOURCE_DIR/tests/cli/testdata/field_ops.yaml"
GOLDEN="$LADDER_SOURCE_DIR/tests/golden/export"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND...: runs COMMAND, stderr to $T/err
  local want=$1 rc=0
  shift
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want; stderr: $(cat "$T/err")"
}

# Markdown and CSV: the golden files of the exporters' unit tests (same framework, read from
# YAML this time).
"$LADDER" export --to md "$FW" >"$T/fw.md"
cmp "$T/fw.md" "$GOLDEN/field_ops.md" || fail "markdown differs from the golden file"
"$LADDER" export --to csv "$FW" >"$T/fw.csv"
cmp "$T/fw.csv" "$GOLDEN/field_ops.csv" || fail "csv differs from the golden file"
"$LADDER" export --to csv --no-bom "$FW" >"$T/nobom.csv"
cmp <(tail -c +4 "$GOLDEN/field_ops.csv") "$T/nobom.csv" || fail "--no-bom"
# The CSV reads back with a standard CSV reader: 16 rows of 10 fields.
"$PY" - "$T/fw.csv" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert len(rows) == 16, len(rows)
assert all(len(r) == 10 for r in rows)
t3 = [r for r in rows if r["level_code"] == "T3"]
assert len(t3) == 3 and all(r["state"] == "undefined" and r["behaviour"] == "Not defined yet" for r in t3), t3
PYEOF

# YAML: the canonical text back (the fixture is in canonical form).
"$LADDER" export --to yaml "$FW" >"$T/fw.yaml"
cmp "$T/fw.yaml" "$FW" || fail "yaml export is not the canonical text"

# JSON: the documented shape.
"$LADDER" export --to json "$FW" >"$T/fw.json"
"$PY" - "$T/fw.json" <<'PYEOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["ladder"] == 1, doc.keys()
assert doc["framework"]["id"] == "field-ops" and doc["framework"]["version"] == "2025.1"
assert [t["id"] for t in doc["tracks"]] == ["ic", "mgmt"]
t1 = doc["tracks"][0]["levels"][0]
assert t1["code"] == "T1" and t1["expectations"]["safety"] == ["Follows the site safety rules"]
assert doc["tracks"][0]["levels"][2]["state"] == "undefined"
PYEOF
# ... and JSON reads back to the same framework.
"$LADDER" export --to yaml "$T/fw.json" >"$T/back.yaml"
cmp "$T/back.yaml" "$FW" || fail "json -> yaml round trip"

# -o writes the file and nothing on stdout.
expect_exit 0 "$LADDER" export --to md "$FW" -o "$T/out.md"
[[ ! -s $T/out ]] || fail "-o also printed to stdout"
cmp "$T/out.md" "$GOLDEN/field_ops.md" || fail "-o content"

# XLSX: needs -o; read back with openpyxl.
expect_exit 2 "$LADDER" export --to xlsx "$FW"
grep -q -- "-o" "$T/err" || fail "xlsx without -o: $(cat "$T/err")"
"$PY" - "$FW" "$T/renamed.yaml" <<'PYEOF'
import sys
text = open(sys.argv[1]).read().replace("name: Supervisor path", "name: 'Night: shift/crew [beta]'", 1)
open(sys.argv[2], "w").write(text)
PYEOF
expect_exit 0 "$LADDER" export --to xlsx "$T/renamed.yaml" -o "$T/fw.xlsx"
"$PY" - "$T/fw.xlsx" <<'PYEOF'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Technician path", "Night- shift-crew -beta-", "Roles", "ladder-framework"], wb.sheetnames
assert [ws.sheet_state for ws in wb.worksheets] == ["visible"] * 3 + ["hidden"]
# The hidden sheet holds the framework itself (canonical YAML, a line per row after "|"), for
# the workbook to be imported back (docs/import-maps.md).
assert wb["ladder-framework"].cell(row=1, column=1).value == "|ladder: 1"
ws = wb["Technician path"]
assert ws.freeze_panes == "B2", ws.freeze_panes
header = [c.value for c in ws[1]]
assert header == ["Competency", "T1\nTechnician", "T2\nSenior Technician", "T3\nLead Technician"], header
labels = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
assert labels == ["Competency", "Summary", "Craft", "Repair work", "Safety", "People", "Coaching",
                  "Requirements"], labels
repair_t1 = ws.cell(row=4, column=2)
assert repair_t1.value == ("• Completes routine repairs from a checklist\n"
                           "• Logs every job in the tracker"), repair_t1.value
assert repair_t1.alignment.wrap_text, "cells wrap"
assert ws.cell(row=7, column=2).value == "Not expected at this level", ws.cell(row=7, column=2).value
assert ws.cell(row=7, column=2).font.i, "undefined cells in italics"
assert ws.cell(row=2, column=4).value == "Not defined: Not defined yet"
assert "12 months at T1" in ws.cell(row=8, column=3).value
roles = wb["Roles"]
assert [c.value for c in roles[1]] == ["Family", "Associate", "Senior", "(base)"]
assert roles.cell(row=3, column=4).value.startswith("Dispatcher")
PYEOF

# A stored version exports the same as its file; bad references are exit 2.
DB="sqlite:$T/ladder.db"
expect_exit 0 "$LADDER" load --database "$DB" "$FW"
expect_exit 0 "$LADDER" export --to md --database "$DB" stored:field-ops@2025.1
cmp "$T/out" "$GOLDEN/field_ops.md" || fail "stored framework export differs"
expect_exit 0 env LADDER_DATABASE="$DB" "$LADDER" export --to csv stored:field-ops@2025.1
cmp "$T/out" "$GOLDEN/field_ops.csv" || fail "stored framework csv via LADDER_DATABASE"
expect_exit 2 "$LADDER" export --to md --database "$DB" stored:field-ops  # a draft only
grep -q "none published" "$T/err" || fail "unpublished: $(cat "$T/err")"
expect_exit 2 "$LADDER" export --to md --database "$DB" stored:nothing@1
expect_exit 2 "$LADDER" export --to md --database "sqlite:$T/none.db" stored:field-ops@2025.1
grep -q "no database at" "$T/err" || fail "missing database: $(cat "$T/err")"
[[ ! -e $T/none.db ]] || fail "reading created a database"

# Bad input.
expect_exit 2 "$LADDER" export --to md "$T/missing.yaml"
grep -q "missing.yaml: no such file" "$T/err" || fail "missing file: $(cat "$T/err")"
expect_exit 2 "$LADDER" export --to pdf "$FW"
"$PY" - "$FW" "$T/dangling.yaml" <<'PYEOF'
import sys
text = open(sys.argv[1]).read().replace("          coaching:\n            - Shows", "          coachin:\n            - Shows", 1)
open(sys.argv[2], "w").write(text)
PYEOF
expect_exit 2 "$LADDER" export --to csv "$T/dangling.yaml"
line=$(grep -n 'coachin:' "$T/dangling.yaml" | cut -d: -f1)
grep -q "^ladder: $T/dangling.yaml:$((line + 1)):[0-9]*: .*competency 'coachin' does not exist" "$T/err" \
  || grep "^ladder: $T/dangling.yaml:$line:[0-9]*: .*competency 'coachin' does not exist" >/dev/null "$T/err" \
  || fail "invalid framework: $(cat "$T/err")"
printf 'ladder: 1\nframework: {id: x\n' >"$T/bad.yaml"
expect_exit 2 "$LADDER" export --to md "$T/bad.yaml"
grep -q "^ladder: $T/bad.yaml:[0-9]*:[0-9]*: " "$T/err" || fail "invalid YAML: $(cat "$T/err")"
expect_exit 2 "$LADDER" export --to md "$FW" -o "$T/no/such/dir/out.md"
grep -q "out.md" "$T/err" || fail "unwritable output: $(cat "$T/err")"
expect_exit 2 "$LADDER" export --to xlsx "$FW" -o "$T/no/such/dir/out.xlsx"
echo "export_test: ok"
