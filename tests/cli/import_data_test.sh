#!/usr/bin/env bash
# `ladder import` of spreadsheets (XLSX, ODS, CSV/TSV) and of the data files of other tools
# (JSON, YAML, JavaScript): detection from the content, --suggest-map and --map, bad input named
# with where and what, nothing stored when an import fails, and `ladder export --to xlsx` read
# back as the same framework for every example and every seed import.
set -euo pipefail
: "${LADDER:?}" "${SEEDS:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
S="$LADDER_SOURCE_DIR/tests/golden/sheets"
D="$LADDER_SOURCE_DIR/tests/golden/data"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
levels() {  # levels FILE.json: the level names (title or code), one line
  $PY - "$1" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
print("|".join(l.get("title") or l["code"] for t in f.get("tracks", []) for l in t["levels"]))
PY
}
bad() {  # bad FILE EXPECTED [ARGS...]: import fails with exit 2, stderr holding EXPECTED
  local file=$1 expected=$2
  shift 2
  set +e
  "$LADDER" import "$file" "$@" > "$T/out" 2> "$T/err"
  local code=$?
  set -e
  [[ $code == 2 ]] || fail "$file: exit $code, expected 2: $(cat "$T/err")"
  grep -qF -- "$expected" "$T/err" || fail "$file: expected '$expected' in: $(cat "$T/err")"
  [[ ! -s "$T/out" ]] || fail "$file: a failed import printed a framework"
}

# The format comes from the content: a workbook renamed .txt is still a workbook.
cp "$S/cols_basic.xlsx" "$T/ladder.txt"
"$LADDER" import "$T/ladder.txt" --to json -o "$T/a.json"
[[ $(levels "$T/a.json") == "DA1|DA2|DA3|DA4" ]] || fail "xlsx: $(levels "$T/a.json")"
grep -q '"format": "xlsx"' "$T/a.json" || fail "xlsx not detected"
"$LADDER" import "$S/ods_rows_tracks.ods" --to json -o "$T/o.json"
[[ $(levels "$T/o.json") == "E1|E2|E3|EM1|EM2" ]] || fail "ods: $(levels "$T/o.json")"
"$LADDER" import "$S/consulting_tab_utf16.tsv" --to json -o "$T/t.json"
[[ $(levels "$T/t.json") == "Associate|Consultant|Principal" ]] || fail "utf-16 tsv"
"$LADDER" import "$S/consulting_semicolon_cp1252.csv" --to json -o "$T/c.json" 2> "$T/err"
grep -q "Windows-1252" "$T/err" || fail "cp1252 not said: $(cat "$T/err")"
[[ $(levels "$T/c.json") == "Associé|Consultant|Principal" ]] || fail "cp1252: $(levels "$T/c.json")"
"$LADDER" import "$D/tracks_milestones.yaml" --to json -o "$T/y.json"
[[ $(levels "$T/y.json") == "Milestone 1|Milestone 2|Milestone 3" ]] || fail "yaml data"
"$LADDER" import "$D/module_exports.js" --to json -o "$T/j.json" 2> "$T/err"
grep -q "module_exports.js:11: a value here is code" "$T/err" || fail "js warning: $(cat "$T/err")"
# What is not a matrix is kept as notes, and counted: a hidden sheet is reported not imported.
set +e
"$LADDER" import "$S/tracks_sheets.xlsx" --report --json -o "$T/tracks.yaml" > "$T/report.json"
code=$?
set -e
[[ $code == 1 ]] || fail "a hidden sheet's text not imported should exit 1, got $code"
$PY - "$T/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert [p["text"] for p in r["not_imported"]] == ["Internal lookup values"], r["not_imported"]
assert r["not_imported"][0]["file"].endswith("tracks_sheets.xlsx [Lookup]"), r["not_imported"]
PY
grep -q "title: Read me" "$T/tracks.yaml" || fail "the prose sheet is not a note"

# --suggest-map writes the guess; a corrected map changes the reading; --map errors name the line.
"$LADDER" import "$S/sales_rows.csv" --suggest-map > "$T/map.yaml"
grep -q "levels: rows" "$T/map.yaml" || fail "suggested map: $(cat "$T/map.yaml")"
sed 's/levels: rows /levels: columns/' "$T/map.yaml" > "$T/columns.yaml"
"$LADDER" import "$S/sales_rows.csv" --map "$T/columns.yaml" --to json -o "$T/m.json"
[[ $(levels "$T/m.json") == "Negotiation|Forecasting" ]] || fail "--map ignored: $(levels "$T/m.json")"
"$LADDER" import "$S/sales_rows.csv" --map "$T/map.yaml" --to json -o "$T/same.json"
[[ $(levels "$T/same.json") == "Beginner|Intermediate|Advanced" ]] || fail "suggested map differs"
"$LADDER" import "$D/cells_by_reference.yaml" --suggest-map -o "$T/data-map.yaml"
grep -q "shape: cells" "$T/data-map.yaml" || fail "data map: $(cat "$T/data-map.yaml")"
"$LADDER" import "$D/cells_by_reference.yaml" --map "$T/data-map.yaml" > /dev/null
printf 'map: 1\nsheets:\n  - sheet: sales_rows\n    levls: rows\n' > "$T/typo.yaml"
bad "$S/sales_rows.csv" "typo.yaml:4:5: unknown key 'levls' (did you mean levels?)" --map "$T/typo.yaml"
printf 'map: 1\nsheets:\n  - sheet: Nope\n' > "$T/nosheet.yaml"
bad "$S/sales_rows.csv" "the map names sheet 'Nope'" --map "$T/nosheet.yaml"
bad "$SEEDS/002_65af6763fbd70dd3.txt" "format takes no map" --suggest-map
bad "$S/sales_rows.csv" "--suggest-map takes one file" --suggest-map --into "sqlite:$T/x.db"

# Bad input: each gets a clear error naming the file (and the cell, line or path).
head -c 2000 "$S/cols_basic.xlsx" > "$T/cut.xlsx"
bad "$T/cut.xlsx" "cut.xlsx: not a readable ZIP archive"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' > "$T/locked.xlsx"
head -c 4096 /dev/zero >> "$T/locked.xlsx"
bad "$T/locked.xlsx" "password-protected or in the old .xls format"
$PY - "$T" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", b"\0" * (100 << 20))
with zipfile.ZipFile(d + "/notes.xlsx", "w") as z:
    z.writestr("word/document.xml", "<w/>")
PY
bad "$T/bomb.xlsx" "refused as a zip bomb"
bad "$T/notes.xlsx" "is not an XLSX workbook"
printf 'Level,Craft\nL1,"never closed\nL2,x\n' > "$T/quote.csv"
bad "$T/quote.csv" "quote.csv:2:4: a quoted cell starts here"
printf 'Level,Craft\nL1,caf\xc3\xa9\nL2,\xe9t\xe9\n' > "$T/mixed.csv"
bad "$T/mixed.csv" "mixed.csv:3:4"
$PY -c "print('[' * 10000 + '1' + ']' * 10000)" > "$T/deep.json"
bad "$T/deep.json" 'nested deeper than 64 levels at $[0][0][0]'
printf '{\n  "levels": [\n    {"name": }\n  ]\n}\n' > "$T/broken.json"
bad "$T/broken.json" "broken.json:3:"
printf '{"port": 8080, "hosts": ["a", "b"]}\n' > "$T/config.json"
bad "$T/config.json" "no levels found in this data file"

# A sheet of 100,000 rows is streamed: what passes the row limit is skipped with a warning,
# and memory stays bounded. A sanitizer build (its shadow memory counts in the resident size, its
# code runs several times slower) reads the same path on 20,000 rows without the memory bound.
rows=100000
sanitized=false
if grep -qa __asan_report "$LADDER"; then
  rows=20000
  sanitized=true
fi
$PY - "$T/big.xlsx" "$rows" <<'PY'
import sys
from openpyxl import Workbook
wb = Workbook(write_only=True)
ws = wb.create_sheet("Big")
ws.append(["Competency", "IC1", "IC2", "IC3"])
for i in range(int(sys.argv[2])):
    ws.append(["Skill %d" % i, "Does %d alone" % i, "Teaches %d" % i, "Sets %d" % i])
wb.save(sys.argv[1])
PY
set +e
/usr/bin/time -f "%M" -o "$T/rss" "$LADDER" import "$T/big.xlsx" -o "$T/big.yaml" 2> "$T/err"
code=$?
set -e
[[ $code == 0 || $code == 1 ]] || fail "$rows rows: exit $code: $(cat "$T/err")"
grep -q "sheet 'Big': rows 10001 to $((rows + 1)) not read" "$T/err" \
  || fail "no row-limit warning: $(cat "$T/err")"
# The header and 9,999 competencies are the first 10,000 rows.
grep -qx "    name: Skill 9998" "$T/big.yaml" || fail "the rows within the limit were not read"
if grep -qx "    name: Skill 9999" "$T/big.yaml"; then fail "a row past the limit was read"; fi
rss=$(tail -1 "$T/rss")
$sanitized || (( rss < 400000 )) || fail "$rows rows took ${rss} KiB of memory"

# Imports into a database are all-or-nothing: a workbook that fails stores nothing, not even
# the good file imported with it.
"$LADDER" import "$S/cols_basic.xlsx" --into "sqlite:$T/db.sqlite" 2> /dev/null
cp "$T/db.sqlite" "$T/db.before"
if "$LADDER" import "$S/rows_levels.xlsx" "$T/bomb.xlsx" --into "sqlite:$T/db.sqlite" 2> "$T/err"; then
  fail "an import with a bad workbook succeeded"
fi
grep -q "bomb.xlsx" "$T/err" || fail "the error does not name the bad file: $(cat "$T/err")"
sqlite3 "$T/db.sqlite" .dump | cmp -s - <(sqlite3 "$T/db.before" .dump) \
  || fail "a failed import changed the database"

# The reverse: every example, and every seed as imported, exported to XLSX and read back is
# the same framework (a framework without provenance gets the workbook's); an edit made in a
# spreadsheet comes back.
same() {  # same ORIG BACK: the same framework, but for provenance ORIG does not have
  $PY - "$1" "$2" <<'PY' || fail "$1: round trip differs"
import sys, yaml
a, b = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
if "source" not in a["framework"]:
    assert b["framework"].pop("source")["format"] == "xlsx"
if a != b:
    for k in a:
        if a.get(k) != b.get(k):
            print("differs at", k, file=sys.stderr)
    sys.exit(1)
PY
}
for fw in "$LADDER_SOURCE_DIR"/examples/*.yaml; do
  "$LADDER" export --to yaml "$fw" > "$T/orig.yaml"
  "$LADDER" export --to xlsx "$fw" -o "$T/rt.xlsx"
  "$LADDER" import "$T/rt.xlsx" -o "$T/back.yaml" || fail "$fw: the exported workbook did not import"
  same "$T/orig.yaml" "$T/back.yaml"
done
for seed in "$SEEDS"/00[0-4]_*.txt; do
  "$LADDER" import "$seed" -o "$T/seed.yaml" || true
  "$LADDER" export --to xlsx "$T/seed.yaml" -o "$T/seed.xlsx"
  "$LADDER" import "$T/seed.xlsx" -o "$T/seed-back.yaml"
  cmp -s "$T/seed.yaml" "$T/seed-back.yaml" \
    || fail "$seed: round trip differs: $(diff "$T/seed.yaml" "$T/seed-back.yaml" | head)"
done
"$LADDER" export --to xlsx "$LADDER_SOURCE_DIR/examples/engineering.yaml" -o "$T/edit.xlsx"
$PY - "$T/edit.xlsx" <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert ws.cell(2, 1).value == "Summary", ws.cell(2, 1).value
ws.cell(2, 2).value = "Edited in a spreadsheet: learns the codebase with a mentor."
wb.save(sys.argv[1])
PY
"$LADDER" import "$T/edit.xlsx" -o "$T/edited.yaml"
grep -q "Edited in a spreadsheet: learns the codebase with a mentor." "$T/edited.yaml" \
  || fail "the edit did not come back"
"$LADDER" export --to yaml "$LADDER_SOURCE_DIR/examples/engineering.yaml" > "$T/orig.yaml"
$PY - "$T/orig.yaml" "$T/edited.yaml" <<'PY' || fail "more than the edit changed"
import sys, yaml
a, b = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
b["framework"].pop("source")
la, lb = a["tracks"][0]["levels"][0], b["tracks"][0]["levels"][0]
assert lb["summary"].startswith("Edited in a spreadsheet"), lb["summary"]
lb["summary"] = la["summary"]
assert a == b
PY
echo "import_data_test: ok"
