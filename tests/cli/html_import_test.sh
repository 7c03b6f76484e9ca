#!/usr/bin/env bash
# `ladder import` on the HTML families: level pages (seed 000 and a folder of pages), levels
# tables (seeds 001, 003) and generic HTML tables; nothing lost, lint passes, bad HTML refused.
set -euo pipefail
: "${LADDER:?}" "${SEEDS:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
FIX="$LADDER_SOURCE_DIR/tests/golden"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Each seed: detected from its content, nothing lost, a framework that lints.
for seed in 000 001 003; do
  "$LADDER" import "$SEEDS"/${seed}_*.txt --report --json > "$T/$seed.report.json"
  $PY - "$T/$seed.report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["source_words"] > 1000, r["source_words"]
assert r["imported_words"] == r["source_words"], r
assert r["not_imported"] == [], r["not_imported"]
PY
  "$LADDER" import "$SEEDS"/${seed}_*.txt --to json -o "$T/$seed.json"
  "$LADDER" import "$SEEDS"/${seed}_*.txt --to yaml -o "$T/$seed.yaml"
  rc=0; "$LADDER" lint "$T/$seed.yaml" > "$T/$seed.lint" || rc=$?
  [ "$rc" -le 1 ] || fail "lint of seed $seed exited $rc: $(cat "$T/$seed.lint")"
done
$PY - "$T" <<'PY'
import json, sys
d = sys.argv[1]
f = json.load(open(d + "/000.json"))
assert f["framework"]["source"]["format"] == "level-pages"
levels = [l["title"] for t in f["tracks"] for l in t["levels"]]
assert levels == ["Sr Software Engineer 1", "Sr Software Engineer 2", "Sr Software Engineer 3"], levels
sse2 = f["tracks"][0]["levels"][1]
assert len(sse2["requirements"]) == 4
assert set(sse2["expectations"]) == {"scope-of-knowledge", "responsibilities", "communication-and-leadership"}
f = json.load(open(d + "/001.json"))
assert f["framework"]["source"]["format"] == "levels-table"
ic = f["tracks"][0]
assert [l["code"] for l in ic["levels"]] == ["IC1", "IC2", "IC3", "IC4", "IC5", "IC6"]
assert ic["levels"][5]["state"] == "undefined"
assert len(f["competencies"]) == 4
assert [o["id"] for o in f["overlays"]] == ["team-lead"]
f = json.load(open(d + "/003.json"))
assert [g["name"] for g in f["groups"]] == ["Leadership", "Business", "Technology"]
states = [l.get("state", "defined") for l in f["tracks"][0]["levels"]]
assert states == ["undefined", "undefined", "defined", "defined", "defined", "undefined"], states
assert [(t["from"], t["to"]) for t in f["transitions"]] == [("ic", "management")]
PY

# A folder of level pages is one framework with two tracks; the conflict is reported.
# The conflicting copy's words are not imported: the framework is written and the exit
# status is 1 (findings), said on stderr in one line.
set +e
"$LADDER" import "$FIX/level_pages/side_by_side" --to json -o "$T/pages.json" 2> "$T/pages.err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "folder with a conflict: exit $rc"
grep -q "^ladder: 1 passage of the source not imported" "$T/pages.err" || fail "no findings line"
grep -q "conflicting text for level 'Engineer 2'" "$T/pages.err" || fail "no conflict warning"
$PY - "$T/pages.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert [t["id"] for t in f["tracks"]] == ["engineering", "senior"], f["tracks"]
assert [l["rank"] for t in f["tracks"] for l in t["levels"]] == [1, 2, 3, 4, 5]
PY

# Generic HTML tables: levels as columns, detected without --from.
"$LADDER" import "$FIX/levels_as_columns/transposed.html" --to json -o "$T/transposed.json"
$PY - "$T/transposed.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["framework"]["source"]["format"] == "html-table"
assert [g["id"] for g in f["groups"]] == ["craft", "collaboration"]
PY

# Bad HTML: nested 10,000 deep is a clear error with its line, never a crash.
{ printf '# Deep\n\n<table class="levels-table"><tr><th>IC1</th><td>'
  for _ in $(seq 10000); do printf '<div>'; done
  printf '</td></tr></table>\n'; } > "$T/deep.md"
rc=0; "$LADDER" import "$T/deep.md" > /dev/null 2> "$T/deep.err" || rc=$?
[ "$rc" -eq 2 ] || fail "deep nesting exited $rc"
grep -q "deep.md:3" "$T/deep.err" || fail "deep nesting error has no line: $(cat "$T/deep.err")"
# A table holding no levels, forced as a levels table: a clear error.
printf '# Menu\n\n<table><tr><td>Soup</td><td>4</td></tr></table>\n' > "$T/menu.md"
rc=0; "$LADDER" import "$T/menu.md" --from levels-table > /dev/null 2> "$T/menu.err" || rc=$?
[ "$rc" -eq 2 ] || fail "table without levels exited $rc"
grep -q "no table of levels" "$T/menu.err" || fail "unclear error: $(cat "$T/menu.err")"
echo ok
