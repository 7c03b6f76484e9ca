#!/usr/bin/env bash
# `ladder import`: detection from content, --from, --to, -o, --report [--json], directories,
# bad input and exit codes.
set -euo pipefail
: "${LADDER:?}" "${SEEDS:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
FIX="$LADDER_SOURCE_DIR/tests/golden/import"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Seed 002: a role catalogue, 30 roles in 10 families, nothing lost.
"$LADDER" import "$SEEDS"/002_*.txt --to json -o "$T/roles.json"
# What import writes is already canonical, as JSON and as YAML.
"$LADDER" fmt --check "$T/roles.json" || fail "imported JSON is not canonical"
"$LADDER" import "$SEEDS"/002_*.txt -o "$T/roles.yaml"
"$LADDER" fmt --check "$T/roles.yaml" || fail "imported YAML is not canonical"
$PY - "$T/roles.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
roles = f["roles"]
assert len(roles) == 30, len(roles)
assert len({r["family"] for r in roles}) == 10
assert f["framework"]["source"]["format"] == "role-catalog"
PY
"$LADDER" import "$SEEDS"/002_*.txt --report --json > "$T/report.json"
$PY - "$T/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert list(r) == ["source_words", "imported_words", "structure_words", "notes_words",
                   "not_imported_words", "not_imported", "warnings"], list(r)
assert r["structure_words"] + r["notes_words"] == r["imported_words"], r
assert r["not_imported_words"] == r["source_words"] - r["imported_words"], r
assert r["source_words"] > 2000 and r["imported_words"] == r["source_words"], r
assert r["not_imported"] == [] and r["warnings"] == []
PY

# Every seed imports with its format detected and nothing lost (docs/import.md), and seed 002's
# framework passes `ladder lint` without errors.
for seed in "$SEEDS"/00[0-4]_*.txt; do
  "$LADDER" import "$seed" --report --json > "$T/seed.json" || fail "$seed: import failed"
  $PY - "$T/seed.json" "$seed" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["source_words"] > 500, (sys.argv[2], r["source_words"])
assert r["imported_words"] == r["source_words"] and not r["not_imported"], (sys.argv[2], r["not_imported"][:5])
PY
done
"$LADDER" import "$SEEDS"/002_*.txt -o "$T/roles.yaml"
"$LADDER" lint "$T/roles.yaml" > /dev/null || fail "seed 002 does not pass lint"

# Detection looks at the content, never the name: the same Markdown ladder as .txt and .yaml.
cp "$FIX/markdown_ladder_subheadings.md" "$T/ladder.txt"
cp "$FIX/markdown_ladder_subheadings.md" "$T/ladder.yaml"
"$LADDER" import "$T/ladder.txt" > "$T/a.yaml"
"$LADDER" import "$T/ladder.yaml" > "$T/b.yaml"
grep -q "format: markdown-ladder" "$T/a.yaml" || fail "markdown ladder not detected"
diff <(grep -v "file:" "$T/a.yaml") <(grep -v "file:" "$T/b.yaml") || fail "detection depends on the name"
cp "$FIX/monzo_progression.md" "$T/page.html"
"$LADDER" import "$T/page.html" | grep "format: monzo-yaml" >/dev/null || fail "monzo page not detected"

# --from forces a format; an unknown one is a usage error naming the formats.
set +e
"$LADDER" import "$T/ladder.txt" --from role-catalog > "$T/out" 2> "$T/err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "--from role-catalog on a ladder: exit $rc"
grep -q "no role blueprint" "$T/err" || fail "forced reader's error not shown"
set +e
"$LADDER" import "$T/ladder.txt" --from markdown-ladr 2> "$T/err"; rc=$?
set -e
[[ $rc == 2 ]] && grep -q "did you mean markdown-ladder" "$T/err" || fail "unknown --from: $rc $(cat "$T/err")"

# A directory is read as one framework: its files, sorted.
mkdir "$T/catalogue"
printf 'Data Engineer: Role Blueprint\nBuilds pipelines.\n' > "$T/catalogue/a.md"
printf 'Senior Data Engineer: Role Blueprint\nOwns pipelines.\n' > "$T/catalogue/b.md"
"$LADDER" import "$T/catalogue" --to json > "$T/dir.json"
$PY -c 'import json,sys; f=json.load(open(sys.argv[1])); assert [r["title"] for r in f["roles"]] == ["Data Engineer", "Senior Data Engineer"], f["roles"]' "$T/dir.json"

# Text report on stderr: coverage line, and each passage not imported as file:line: text.
printf 'Data Engineer: Role Blueprint\nBuilds pipelines.\n' > "$T/cat.md"
"$LADDER" import "$T/cat.md" --report > "$T/cat.yaml" 2> "$T/err"
grep -q "^coverage: 6 of 6 source words imported (100.0%)" "$T/err" || fail "text report: $(cat "$T/err")"
grep -q "^ladder: 1" "$T/cat.yaml" || fail "framework not on stdout"

# Mojibake is repaired with a warning naming the line.
printf 'Data Engineer: Role Blueprint\nOwns the team\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s pipelines.\n' > "$T/moji.md"
"$LADDER" import "$T/moji.md" > "$T/moji.yaml" 2> "$T/err"
grep -q "moji.md:2: repaired mis-encoded text" "$T/err" || fail "mojibake warning: $(cat "$T/err")"
grep -q "team’s pipelines" "$T/moji.yaml" || fail "mojibake not repaired"

# Bad input: exit 2, a message saying where and what, and nothing written to -o.
echo "keep me" > "$T/existing.yaml"
check_bad() {  # name expected-message-fragment
  local input=$1 expected=$2 rc
  set +e
  "$LADDER" import "$input" -o "$T/existing.yaml" > "$T/out" 2> "$T/err"; rc=$?
  set -e
  [[ $rc == 2 ]] || fail "$input: exit $rc"
  grep -q -- "$expected" "$T/err" || fail "$input: expected '$expected' in: $(cat "$T/err")"
  [[ "$(cat "$T/existing.yaml")" == "keep me" ]] || fail "$input: -o was written"
  [[ ! -s "$T/out" ]] || fail "$input: stdout not empty"
}
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' > "$T/image.md"
check_bad "$T/image.md" "image.md:3:1: binary file"
: > "$T/empty.md"
check_bad "$T/empty.md" "empty document"
printf 'Data Engineer: Role Blueprint \xe2\x80\x94 x\nbad \xff byte\n' > "$T/invalid.md"
check_bad "$T/invalid.md" "invalid.md:2:5: invalid UTF-8"
check_bad "$T/missing.md" "no such file"
printf 'Some prose that is no ladder at all.\n' > "$T/prose.md"
check_bad "$T/prose.md" "with --from"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$T/huge.md"
check_bad "$T/huge.md" "limit is 16 MiB"
printf -- '---\ntopics:\n  - name: x\n    content: [\n---\n' > "$T/truncated.md"
check_bad "$T/truncated.md" "truncated.md:"
[[ ! -e "$T/existing.yaml.ladder-import.tmp" ]] || fail "temporary file left behind"

# Usage errors exit 2.
set +e
"$LADDER" import "$T/cat.md" --to xml > /dev/null 2>&1; rc=$?
set -e
[[ $rc == 2 ]] || fail "--to xml: exit $rc"
set +e
"$LADDER" import "$T/cat.md" --json > /dev/null 2>&1; rc=$?
set -e
[[ $rc == 2 ]] || fail "--json without --report: exit $rc"

# Exit status: 1 ("findings") when passages were not imported, after writing the framework
# and the report, with one line on stderr; the page's navigation and footer are such passages.
VAR="$LADDER_SOURCE_DIR/src/formats/testdata/import"
set +e
"$LADDER" import "$VAR/analytics.html" -o "$T/analytics.yaml" 2> "$T/err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "partial import: exit $rc"
grep -q "^ladder: 2 passages of the source not imported (run with --report to list them)" "$T/err" ||
  fail "findings line: $(cat "$T/err")"
[[ $(grep -c "^ladder:" "$T/err") == 1 ]] || fail "more than one line: $(cat "$T/err")"
grep -q "^ladder: 1" "$T/analytics.yaml" || fail "framework not written on exit 1"
grep -q "code: A1" "$T/analytics.yaml" || fail "code in brackets not read: $(cat "$T/analytics.yaml")"
set +e
"$LADDER" import "$VAR/analytics.html" --report --json > "$T/analytics.json" 2> "$T/err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "partial import with --report --json: exit $rc"
$PY - "$T/analytics.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert [p["text"] for p in r["not_imported"]] == ["Home Open jobs", "Example Co, 2025"], r["not_imported"]
assert any("'Analyst'" in w["message"] and w["line"] == 12 for w in r["warnings"]), r["warnings"]
PY
"$LADDER" import --help > "$T/help"
grep -q "0 when everything of the source was imported; 1 when" "$T/help" || fail "--help: exit status"
grep -q "2 for bad input or usage" "$T/help" || fail "--help: exit 2"

# A Markdown document whose content is a pipe table of levels is detected and read.
"$LADDER" import "$VAR/pipe_matrix.md" --to json > "$T/pipe.json"
$PY - "$T/pipe.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["framework"]["source"]["format"] == "levels-table", f["framework"]
levels = f["tracks"][0]["levels"]
assert [l["code"] for l in levels] == ["junior", "mid", "senior"], levels
assert levels[2]["expectations"]["collaboration"] == {"undefined": True, "note": "TBD"}, levels[2]
PY

# A Markdown ladder: "Not yet defined" and "TBD" make cells and levels undefined; the sections
# after the levels (a lead section, moving to management, promotions) are notes, not levels.
"$LADDER" import "$VAR/prose_after_levels.md" --to json > "$T/md.json"
$PY - "$T/md.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
levels = f["tracks"][0]["levels"]
assert [l["title"] for l in levels] == ["Associate Designer", "Designer", "Senior Designer", "Principal Designer"], levels
assert levels[0]["expectations"]["collaboration"] == {"undefined": True, "note": "Not yet defined"}, levels[0]
assert levels[3]["state"] == "undefined" and levels[3]["note"].startswith("TBD"), levels[3]
assert [n["title"] for n in f["notes"]] == ["Lead Designers", "Moving into management", "How promotions work"], f["notes"]
assert f["transitions"][0]["to"] == "management", f["transitions"]
PY

# A framework already in Ladder's canonical format is refused, pointing at load and fmt.
check_bad "$LADDER_SOURCE_DIR/examples/engineering.yaml" "engineering.yaml:1: this is already a framework in Ladder.s canonical format"
grep -q "store it with .ladder load., normalise it with .ladder fmt." "$T/err" || fail "canonical refusal does not name load and fmt: $(cat "$T/err")"

# HTML cut inside a tag: imported as far as it goes, with a warning naming the line.
head -c 700 "$VAR/pillar_columns.html" > "$T/cut.html"
printf '<td class="wi' >> "$T/cut.html"
line=$(wc -l < "$T/cut.html"); line=$((line + 1))
set +e
"$LADDER" import "$T/cut.html" > /dev/null 2> "$T/err"
set -e
grep -q "cut.html:$line: the document ends inside an HTML tag" "$T/err" || fail "truncation: $(cat "$T/err")"

# A LaTeX tabular of levels and a competency list without levels are detected and read.
"$LADDER" import "$VAR/support_matrix.tex" --to json -o "$T/latex.json"
"$LADDER" import "$VAR/competency_groups.md" --to json -o "$T/groups.json"
"$LADDER" import "$VAR/sub_levels.md" -o "$T/sub.yaml"
grep -q "^  cumulative: true" "$T/sub.yaml" || fail "'each level includes everything below it' is not cumulative"
$PY - "$T/latex.json" "$T/groups.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["framework"]["source"]["format"] == "latex-table", f["framework"]
levels = f["tracks"][0]["levels"]
assert [l["title"] for l in levels] == ["Support Engineer I", "Support Engineer II", "Senior Support Engineer"], levels
assert [c["id"] for c in f["competencies"]] == ["customer-care", "knowledge-sharing"], f["competencies"]
g = json.load(open(sys.argv[2]))
assert g["framework"]["source"]["format"] == "competency-list", g["framework"]
assert "tracks" not in g or g["tracks"] == [], g.get("tracks")
assert [x["name"] for x in g["groups"]] == ["Craft", "Collaboration", "Impact"], g["groups"]
assert len(g["competencies"]) == 8, g["competencies"]
PY

# -o is written when the import succeeds; the framework passes `ladder fmt --check`.
"$LADDER" import "$T/cat.md" -o "$T/existing.yaml"
grep -q "^ladder: 1" "$T/existing.yaml" || fail "-o not written"
"$LADDER" fmt --check "$T/existing.yaml" || fail "imported YAML is not canonical"

# Documents of different formats in one call: read together they are one framework and must be of
# one format (the error says what each looks like and names --each); with --each each input is
# its own framework, detected on its own, written to DIR/ID.yaml, or stored with --into.
D="$LADDER_SOURCE_DIR/src/formats/testdata/import"
mixed=("$SEEDS"/000_*.txt "$SEEDS"/002_*.txt "$SEEDS"/004_*.txt "$D/analytics.html"
       "$D/support_matrix.tex" "$D/pipe_rows.md")
if "$LADDER" import "${mixed[@]}" -o "$T/one.yaml" 2> "$T/err"; then fail "mixed formats read as one framework"; fi
grep -q "looks like .* while .* looks like .*--each" "$T/err" || fail "mixed formats: $(cat "$T/err")"
[[ ! -e "$T/one.yaml" ]] || fail "a refused import wrote -o"
set +e
"$LADDER" import "${mixed[@]}" --each -o "$T/each" 2> "$T/each.err"
status=$?
set -e
[[ $status == 0 || $status == 1 ]] || fail "--each -o: exit $status: $(cat "$T/each.err")"
$PY - "$T/each" "$LADDER" <<'PY'
import os, subprocess, sys
out, ladder = sys.argv[1:3]
names = sorted(os.listdir(out))
assert len(names) == 6 and all(n.endswith(".yaml") for n in names), names
formats = set()
for n in names:
    text = open(os.path.join(out, n)).read()
    assert text.startswith("ladder: 1"), n
    fmt = [l.split(":", 1)[1].strip() for l in text.splitlines() if l.strip().startswith("format:")]
    formats.add(fmt[0])
    subprocess.run([ladder, "fmt", "--check", os.path.join(out, n)], check=True)
# six documents of six families, each detected as its own
assert len(formats) == 6, formats
PY
# The folder is written whole or not at all: a non-empty folder is refused, nothing is added.
if "$LADDER" import "${mixed[@]}" --each -o "$T/each" 2> "$T/err"; then fail "--each over a non-empty folder"; fi
[[ $(ls "$T/each" | wc -l) == 6 ]] || fail "a refused --each changed the folder"
# A bad input among them: nothing is written.
printf 'ladder: 1\nframework: {id: broken\n' > "$T/broken.yaml"
if "$LADDER" import "${mixed[@]}" "$T/broken.yaml" --each -o "$T/each2" 2> "$T/err"; then fail "--each with a broken input"; fi
grep -q "broken.yaml" "$T/err" || fail "the error does not name the bad input: $(cat "$T/err")"
[[ ! -e "$T/each2" ]] || fail "a failed --each wrote its folder"
# Two inputs that read as the same framework.
if "$LADDER" import "$D/pipe_rows.md" "$D/pipe_rows.md" --each -o "$T/each3" 2> "$T/err"; then fail "one id twice"; fi
grep -q "reads as framework" "$T/err" || fail "same id: $(cat "$T/err")"
if "$LADDER" import "${mixed[@]}" --each 2> "$T/err"; then fail "--each without -o or --into"; fi
grep -q -- "-o DIR" "$T/err" || fail "--each alone: $(cat "$T/err")"
# --each --into stores the six in one transaction.
set +e
"$LADDER" import "${mixed[@]}" --each --into "sqlite:$T/each.db" --publish 2> "$T/into.err"
status=$?
set -e
[[ $status == 0 || $status == 1 ]] || fail "--each --into: exit $status: $(cat "$T/into.err")"
[[ $(grep -c "^stored .*(published)" "$T/into.err") == 6 ]] || fail "--each --into: $(cat "$T/into.err")"
[[ $("$LADDER" frameworks --json --database "sqlite:$T/each.db" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))') == 6 ]] \
  || fail "ladder frameworks does not list six"
# What the user sees counts as imported: a code written with a space ("Operator I (IC 1)", the
# level IC1) and a table's caption row (the track's name); exit 0, nothing listed.
G="$LADDER_SOURCE_DIR/tests/golden"
for doc in "$G/codes_in_titles/codes.md" "$G/caption_row/caption_row.md"; do
  "$LADDER" import "$doc" --report -o "$T/seen.yaml" 2> "$T/err" || fail "$doc: $(cat "$T/err")"
  grep -q "0 not imported in 0 passages" "$T/err" || fail "$doc: $(cat "$T/err")"
done
grep -q "name: Customer Success Levels 2026 edition" "$T/seen.yaml" || fail "caption row not kept"
echo "import_test: ok"
