#!/usr/bin/env bash
# `ladder jd` and `ladder interview-guide`: the golden job descriptions and interview guides of
# the examples (tests/golden/outputs, read and checked by hand), HTML pages that print, a role
# profile joined from another catalogue, an organisation's template (flag, environment, the
# framework's own, never outside its folder), and bad input.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EX="$LADDER_SOURCE_DIR/examples"
GOLDEN="$LADDER_SOURCE_DIR/tests/golden/outputs"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND...: stdout to $T/out, stderr to $T/err
  local want=$1 rc=0
  shift
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want; stderr: $(cat "$T/err")"
}
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"; }
golden() {  # golden NAME: $T/out is tests/golden/outputs/NAME
  diff -u "$GOLDEN/$1" "$T/out" >"$T/diff" || fail "$1 differs from the golden file: $(cat "$T/diff")"
}
unset LADDER_JD_TEMPLATE LADDER_TEMPLATES

# The golden documents.
expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" E3
golden engineering-E3.jd.md
expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" ic/E3 --catalog "$EX/role-catalog.yaml" \
  --role senior-software-engineer
golden engineering-E3-senior-software-engineer.jd.md
expect_exit 0 "$LADDER" jd "$EX/customer-success.yaml" CS2
golden customer-success-CS2.jd.md
expect_exit 0 "$LADDER" interview-guide "$EX/engineering.yaml" E3
golden engineering-E3.interview.md
expect_exit 0 "$LADDER" interview-guide "$EX/customer-success.yaml" CS5
golden customer-success-CS5.interview.md

# HTML: a whole page with print styles; -o writes it.
expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" E3 --format html -o "$T/e3.html"
head -1 "$T/e3.html" | grep -q '<!DOCTYPE html>' || fail "a whole page"
has "$T/e3.html" '<h1 id="jd-title">Senior Engineer</h1>'
has "$T/e3.html" '@page document'
expect_exit 0 "$LADDER" interview-guide "$EX/engineering.yaml" E3 --format html
has "$T/out" '<table class="rubric">'
has "$T/out" '@page scorecard'
# JSON, as the API answers it.
expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" E3 --json
/usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["title"]=="Senior Engineer" and j["level"]["code"]=="E3", j' "$T/out"
expect_exit 0 "$LADDER" interview-guide "$EX/engineering.yaml" E3 --json
/usr/bin/python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert [c["id"] for c in j["competencies"]]==["delivery","craft","collaboration","ownership","leadership"], j' "$T/out"

# An organisation's template: the flag, the environment, the framework's own beside its file.
mkdir -p "$T/fw/templates"
printf '%s\n' '# {{title}} ({{level.code}}) at Acme' '{{#responsibilities}}' '{{heading}}: {{#items}}{{text}} {{/items}}' '{{/responsibilities}}' >"$T/acme.md.mustache"
expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" E2 --template "$T/acme.md.mustache"
head -1 "$T/out" | grep -qx '# Engineer (E2) at Acme' || fail "template: $(cat "$T/out")"
has "$T/out" "Delivery: Breaks an assigned task into steps"  # inherited: the framework is cumulative
LADDER_JD_TEMPLATE="$T/acme.md.mustache" expect_exit 0 "$LADDER" jd "$EX/engineering.yaml" E2
head -1 "$T/out" | grep -qx '# Engineer (E2) at Acme' || fail "LADDER_JD_TEMPLATE"
printf '<p class="house">{{title}}</p>\n' >"$T/fw/templates/jd.html.mustache"
sed 's/^  cumulative: true$/  cumulative: true\n  jd_template: templates\/jd.html.mustache/' \
  "$EX/engineering.yaml" >"$T/fw/engineering.yaml"
expect_exit 0 "$LADDER" jd "$T/fw/engineering.yaml" E2
has "$T/out" '<p class="house">Engineer</p>'   # the template writes HTML: a whole page
head -1 "$T/out" | grep -q '<!DOCTYPE html>' || fail "an HTML template gives a page"
expect_exit 2 "$LADDER" jd "$T/fw/engineering.yaml" E2 --format md
has "$T/err" "writes HTML, not md"
# A template outside the framework's folder is refused, where it is written and when read.
sed 's/^  cumulative: true$/  cumulative: true\n  jd_template: ..\/..\/etc\/passwd/' \
  "$EX/engineering.yaml" >"$T/fw/escape.yaml"
expect_exit 2 "$LADDER" jd "$T/fw/escape.yaml" E2
has "$T/err" "framework.jd_template"
ln -s /etc/passwd "$T/fw/templates/link.md.mustache"
sed 's/^  cumulative: true$/  cumulative: true\n  jd_template: templates\/link.md.mustache/' \
  "$EX/engineering.yaml" >"$T/fw/link.yaml"
expect_exit 2 "$LADDER" jd "$T/fw/link.yaml" E2
has "$T/err" "leaves the templates folder"
printf '{{#title}\n' >"$T/broken.md.mustache"
expect_exit 2 "$LADDER" jd "$EX/engineering.yaml" E2 --template "$T/broken.md.mustache"
has "$T/err" "the template does not parse"

# Bad input: levels and roles named with the choices.
expect_exit 2 "$LADDER" jd "$EX/engineering.yaml" E9
has "$T/err" "no level 'E9'"
has "$T/err" "ic/E1"
expect_exit 2 "$LADDER" jd "$EX/engineering.yaml" E3 --role nobody
has "$T/err" "no role 'nobody' (no role catalogue was given)"
expect_exit 2 "$LADDER" jd "$EX/engineering.yaml" E3 --role senior-software-engineerr \
  --catalog "$EX/role-catalog.yaml"
has "$T/err" "did you mean 'senior-software-engineer'?"
expect_exit 2 "$LADDER" interview-guide "$EX/engineering.yaml" E9
has "$T/err" "no level 'E9'"
expect_exit 2 "$LADDER" interview-guide "$EX/engineering.yaml"
echo "outputs: ok"
