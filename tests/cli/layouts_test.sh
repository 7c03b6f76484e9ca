#!/usr/bin/env bash
# `ladder export --to levels-table|level-pages|tsv-ladder|role-catalog`: each layout through the
# command, read back by `ladder import` (the round trip of every example and seed is a unit
# test, app/layout_round_trip_test.cc); what a layout has no place for is said on stderr;
# level pages go to a new folder only; a framework without levels or roles is refused.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EX="$LADDER_SOURCE_DIR/examples"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND...: stdout to $T/out, stderr to $T/err
  local want=$1 rc=0
  shift
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want; stderr: $(cat "$T/err")"
}
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"; }

# Levels table: Markdown around one HTML table, like a support career page.
expect_exit 0 "$LADDER" export --to levels-table "$EX/customer-success.yaml"
cp "$T/out" "$T/cs.md"
has "$T/cs.md" '# Customer Success Engineering'
has "$T/cs.md" '<table class="levels-table">'
has "$T/cs.md" '<th id="cs1" scope="row" rowspan="4" class="level">CS1 — Associate Customer Success Engineer</th>'
has "$T/cs.md" '<td class="behaviors">Not defined. Associates are not involved in renewals.</td>'
has "$T/cs.md" '## Customer'           # a pillar, with its areas
has "$T/cs.md" '- Relationship Management: Builds trust with the people who use and buy the product.'
has "$T/cs.md" 'class="track">Customer Success Leadership path</th>'
has "$T/err" "ladder: not in a levels-table: level requirements (20)"
expect_exit 0 "$LADDER" import "$T/cs.md" --report
has "$T/err" "0 not imported in 0 passages"
/usr/bin/python3 - "$T/out" <<'PYEOF'
import sys, yaml
fw = yaml.safe_load(open(sys.argv[1]))
assert fw["framework"]["source"]["format"] == "levels-table"
tracks = [(t["name"], [l["code"] for l in t["levels"]]) for t in fw["tracks"]]
assert tracks[0] == ("Customer Success Engineer", ["CS1", "CS2", "CS3", "CS4", "CS5", "CS6"]), tracks
assert [g["name"] for g in fw["groups"]] == ["Customer", "Business", "Technology"], fw["groups"]
cs6 = fw["tracks"][0]["levels"][5]
assert cs6["state"] == "undefined", cs6
PYEOF
# A whole HTML page: -o *.html, or --html.
expect_exit 0 "$LADDER" export --to levels-table "$EX/engineering.yaml" -o "$T/eng.html"
head -1 "$T/eng.html" | grep -q '<!DOCTYPE html>' || fail "-o x.html is an HTML page"
expect_exit 0 "$LADDER" export --to levels-table --html "$EX/engineering.yaml"
cmp "$T/out" "$T/eng.html" || fail "--html and -o x.html differ"
expect_exit 0 "$LADDER" import "$T/eng.html" -o "$T/eng-back.yaml"
grep -q "format: html-table" "$T/eng-back.yaml" || fail "the HTML page reads as an HTML table"

# Level pages: one page per level into a new folder.
expect_exit 2 "$LADDER" export --to level-pages "$EX/engineering.yaml"
has "$T/err" "-o DIR"
expect_exit 0 "$LADDER" export --to level-pages "$EX/engineering.yaml" -o "$T/pages"
has "$T/err" "ladder: wrote 8 level pages to $T/pages"
has "$T/err" "ladder: not in a level-pages: level summaries (8)"
ls "$T/pages" >"$T/list"
has "$T/list" "01-ic-e1.md"
has "$T/list" "08-management-m3.md"
head -3 "$T/pages/03-ic-e3.md" | grep -q '^title: "Senior Engineer"$' || fail "front matter"
has "$T/pages/03-ic-e3.md" "# Senior Engineer (Individual Contributor Path)"
has "$T/pages/03-ic-e3.md" '<td style="font-weight:bold">'
has "$T/pages/03-ic-e3.md" "### Checkpoints for reaching this level"
expect_exit 2 "$LADDER" export --to level-pages "$EX/engineering.yaml" -o "$T/pages"
has "$T/err" "not empty"
expect_exit 0 "$LADDER" import "$T/pages" -o "$T/pages-back.yaml"
grep -q "title: Principal Engineer" "$T/pages-back.yaml" || fail "level pages read back"

# The tab-separated ladder: "Same as X, plus:" for a cumulative framework.
expect_exit 0 "$LADDER" export --to tsv-ladder "$EX/engineering.yaml" -o "$T/eng.txt"
has "$T/eng.txt" $'Role Name\tLevel\tResponsibilities\tRequirements\tYears of experience\tScope\tTypical guidance'
has "$T/eng.txt" $'Engineer\t2\tSame as Associate Engineer, plus: • Estimates a feature'
has "$T/err" "competencies: behaviours are one Responsibilities list per level (5 competencies)"
expect_exit 0 "$LADDER" import "$T/eng.txt" -o "$T/eng-tsv.yaml"
grep -q "inherits: associate-engineer" "$T/eng-tsv.yaml" || fail "Same as ... plus read back"

# The role catalogue; a framework without roles (or levels) is refused with the reason.
expect_exit 0 "$LADDER" export --to role-catalog "$EX/role-catalog.yaml" -o "$T/roles.txt"
has "$T/roles.txt" "Senior Software Engineer: Role Blueprint, Responsibilities, Skills, KPIs, and Career Path"
expect_exit 0 "$LADDER" import "$T/roles.txt" -o "$T/roles.yaml"
[[ $(grep -c "^  - id:" "$T/roles.yaml") == $(grep -c "^  - id:" "$EX/role-catalog.yaml") ]] ||
  fail "every role read back"
expect_exit 2 "$LADDER" export --to role-catalog "$EX/engineering.yaml"
has "$T/err" "framework 'engineering' has no roles"
expect_exit 2 "$LADDER" export --to levels-table "$EX/role-catalog.yaml"
has "$T/err" "framework 'role-catalog' has no levels"
expect_exit 2 "$LADDER" export --to tsv-ladder --html "$EX/engineering.yaml"
has "$T/err" "--html goes with --to levels-table"

# A seed, imported then written in another family's layout, reads back.
"$LADDER" import "$SEEDS"/004_*.txt -o "$T/seed004.yaml" 2>/dev/null
expect_exit 0 "$LADDER" export --to levels-table "$T/seed004.yaml" -o "$T/seed004.md"
expect_exit 0 "$LADDER" import "$T/seed004.md" --report -o "$T/seed004-back.yaml"
grep -q "title: Automation Engineer" "$T/seed004-back.yaml" || fail "seed 004 as a levels table"
echo "layouts: ok"
