#!/usr/bin/env bash
# `ladder lint`: exit codes, the finding format, --json, and bad input.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CLEAN="$LADDER_SOURCE_DIR/tests/cli/testdata/field_ops.yaml"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Writes $2 from $1 with each "old=>new" replacement of the remaining arguments applied once.
edit() {
  "$PY" - "$@" <<'PYEOF'
import sys
src, dst, *pairs = sys.argv[1:]
text = open(src, encoding="utf-8").read()
for pair in pairs:
    old, new = pair.split("=>", 1)
    old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
    if old not in text:
        sys.exit(f"edit: {old!r} not in {src}")
    text = text.replace(old, new, 1)
open(dst, "w", encoding="utf-8").write(text)
PYEOF
}

# A clean framework: exit 0, nothing printed.
out=$("$LADDER" lint "$CLEAN" 2>"$T/err") || fail "clean framework: exit $?"
[[ -z $out ]] || fail "clean framework printed: $out"

# Warnings: a placeholder and a repeated behaviour in T2's safety cell, a competency missing
# from S1. Exit 1, one line per finding with file:line:col: severity: code: message.
edit "$CLEAN" "$T/warn.yaml" \
  "            - Reports near misses the same day=>            - Reports near misses the same day\n            - TBD\n            - Follows the site safety rules" \
  "          coaching:\n            - Holds a one-to-one with each technician every month\n=>"
set +e
"$LADDER" lint "$T/warn.yaml" >"$T/out" 2>"$T/err"
rc=$?
set -e
[[ $rc == 1 ]] || fail "warnings: exit $rc, expected 1"
cat "$T/out"
# T2's safety behaviours start on the line after its `safety:` key (the second one in the file).
safety_line=$(grep -n '^          safety:' "$T/warn.yaml" | sed -n 2p | cut -d: -f1)
grep -qx "$T/warn.yaml:$((safety_line + 1)):13: warning: placeholder-text: behaviour \"TBD\" of safety at level ic/T2 is placeholder text; mark the cell undefined with a note instead" "$T/out" \
  || fail "placeholder finding not as expected"
grep -q "^$T/warn.yaml:[0-9]*:[0-9]*: warning: duplicate-behaviour: behaviour \"Follows the site safety rules\" appears twice in safety at level ic/T2$" "$T/out" \
  || fail "duplicate finding missing"
s1_line=$(grep -n 'code: S1' "$T/warn.yaml" | cut -d: -f1)
grep -q "^$T/warn.yaml:$s1_line:[0-9]*: warning: missing-expectation: level mgmt/S1 has no expectation for competency 'coaching'" "$T/out" \
  || fail "missing-expectation finding missing or at the wrong line"
[[ $(wc -l <"$T/out") == 3 ]] || fail "expected 3 findings"
grep -q "0 error(s), 3 warning(s)" "$T/err" || fail "summary on stderr: $(cat "$T/err")"

# --json: one array, each finding with code, severity, file, line, column, message.
set +e
"$LADDER" lint --json "$T/warn.yaml" "$CLEAN" >"$T/json"
rc=$?
set -e
[[ $rc == 1 ]] || fail "--json: exit $rc"
"$PY" - "$T/json" "$T/warn.yaml" <<'PYEOF'
import json, sys
findings = json.load(open(sys.argv[1]))
assert isinstance(findings, list) and len(findings) == 3, findings
for f in findings:
    assert set(f) == {"code", "severity", "file", "line", "column", "message"}, f
    assert f["file"] == sys.argv[2] and isinstance(f["line"], int) and f["line"] > 0, f
    assert f["severity"] in ("error", "warning", "info"), f
assert sorted(f["code"] for f in findings) == [
    "duplicate-behaviour", "missing-expectation", "placeholder-text"], findings
PYEOF
# A clean file gives an empty array and exit 0.
[[ $("$LADDER" lint --json "$CLEAN") == "[]" ]] || fail "--json on a clean file"

# An info finding (a manual requirement that states a typed rule) is printed but passes.
edit "$CLEAN" "$T/info.yaml" "text: Shows sound judgement on difficult jobs=>text: Manager approval"
out=$("$LADDER" lint "$T/info.yaml" 2>/dev/null) || fail "info finding: exit $?"
line=$(grep -n 'text: Manager approval' "$T/info.yaml" | cut -d: -f1)
[[ $out == "$T/info.yaml:$line:"*": info: recognizable-rule: requirement \"Manager approval\" of level ic/T2 is \`manual\` but states the rule \`{approval: {by: manager}}\`"* ]] \
  || fail "info finding: $out"

# Broken invariants are findings (errors), not unreadable input: rank order, dangling refs.
edit "$CLEAN" "$T/invalid.yaml" "rank: 3\n        title: Lead=>rank: 2\n        title: Lead" \
  "          coaching:\n            - Shows new=>          coachin:\n            - Shows new"
set +e
"$LADDER" lint "$T/invalid.yaml" >"$T/out" 2>/dev/null
rc=$?
set -e
[[ $rc == 1 ]] || fail "invariants: exit $rc, expected 1"
grep -q ": error: invalid-rank: .*rank 2 of level 'T3' must be greater than rank 2 of 'T2'" "$T/out" \
  || fail "rank finding missing: $(cat "$T/out")"
grep -q ": error: dangling-reference: .*competency 'coachin' does not exist" "$T/out" \
  || fail "dangling reference missing: $(cat "$T/out")"

# Bad input: exit 2 with the file (and line:col) on stderr; other files are still checked.
set +e
"$LADDER" lint "$T/missing.yaml" 2>"$T/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "missing file: exit $rc"
grep -q "$T/missing.yaml: no such file" "$T/err" || fail "missing file message: $(cat "$T/err")"

printf 'ladder: 1\nframework:\n  id: x\n  name: [unclosed\n' >"$T/bad.yaml"
set +e
"$LADDER" lint "$T/bad.yaml" "$T/warn.yaml" >"$T/out" 2>"$T/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "invalid YAML: exit $rc"
grep -q "^ladder: $T/bad.yaml:[0-9]*:[0-9]*: " "$T/err" || fail "no location: $(cat "$T/err")"
[[ $(wc -l <"$T/out") == 3 ]] || fail "the readable file was not checked"

edit "$CLEAN" "$T/unknown.yaml" "        summary: Handles=>        sumary: Handles"
set +e
"$LADDER" lint "$T/unknown.yaml" 2>"$T/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "unknown key: exit $rc"
line=$(grep -n 'sumary:' "$T/unknown.yaml" | cut -d: -f1)
grep -q "^ladder: $T/unknown.yaml:$line:" "$T/err" || fail "unknown key location: $(cat "$T/err")"

: >"$T/empty.yaml"
set +e
"$LADDER" lint "$T/empty.yaml" 2>"$T/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "empty file: exit $rc"
grep -q "$T/empty.yaml" "$T/err" || fail "empty file message: $(cat "$T/err")"

# With --json, unreadable input is a finding too (code, severity, location), beside the
# findings of the readable files; the exit status stays 2.
edit "$CLEAN" "$T/norule.yaml" "\n            rule: manual=>"
set +e
"$LADDER" lint --json "$T/bad.yaml" "$T/norule.yaml" "$T/missing.yaml" "$T/warn.yaml" >"$T/json" 2>"$T/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "--json with unreadable input: exit $rc"
"$PY" - "$T/json" "$T/bad.yaml" "$T/norule.yaml" "$T/missing.yaml" <<'PYEOF'
import json, sys
findings = json.load(open(sys.argv[1]))
by_file = {}
for f in findings:
    assert set(f) == {"code", "severity", "file", "line", "column", "message"}, f
    by_file.setdefault(f["file"], []).append(f)
bad, norule, missing = (by_file[p] for p in sys.argv[2:5])
assert [f["code"] for f in bad] == ["invalid-syntax"] and bad[0]["line"] > 0, bad
assert [f["code"] for f in norule] == ["invalid-document"] and norule[0]["line"] > 0, norule
assert "rule" in norule[0]["message"], norule
assert [f["code"] for f in missing] == ["unreadable-file"] and "no such file" in missing[0]["message"], missing
assert all(f["severity"] == "error" for f in bad + norule + missing)
assert len(findings) == 3 + 3, findings  # and the three findings of warn.yaml
PYEOF

# Usage errors are exit 2 too.
set +e
"$LADDER" lint >/dev/null 2>&1
rc=$?
set -e
[[ $rc == 2 ]] || fail "no files: exit $rc"

# The project's examples are clean.
shopt -s nullglob
examples=("$LADDER_SOURCE_DIR"/examples/*.yaml)
if ((${#examples[@]})); then
  "$LADDER" lint "${examples[@]}" || fail "ladder lint examples/*.yaml is not clean"
fi
echo "lint_test: ok"
