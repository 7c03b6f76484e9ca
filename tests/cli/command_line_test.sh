#!/usr/bin/env bash
# The command line a people team meets first: `ladder frameworks` lists what is stored and the
# level codes other commands take; mistyped commands and options get a "did you mean"; every
# command's --help is its own; a bare group asks for its command; with --json, errors are JSON.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
unset LADDER_CONFIG

# expect CODE TEXT COMMAND...: exit CODE and TEXT on stderr.
expect() {
  local code=$1 text=$2
  shift 2
  set +e
  "$LADDER" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  set -e
  [[ $got == "$code" ]] || fail "ladder $*: exit $got, not $code: $(cat "$tmp/err")"
  [[ -z $text ]] || grep -qF -- "$text" "$tmp/err" || fail "ladder $*: said '$(cat "$tmp/err")', not '$text'"
}

# Nothing stored yet: the list says how to store something.
expect 2 "no database" frameworks
"$LADDER" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish >/dev/null
expect 0 "" frameworks
eng_id=$(sed -n '/^framework:/,/^[^ ]/s/^  id: *//p' "$LADDER_SOURCE_DIR/examples/engineering.yaml" | head -1)
# Each track's level codes, read from the example.
python3 - "$LADDER_SOURCE_DIR/examples/engineering.yaml" "$tmp/out" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
out = open(sys.argv[2]).read().splitlines()
assert out[0].startswith(doc["framework"]["id"] + "  "), out[0]
assert "latest published" in out[0], out[0]
for track in doc["tracks"]:
    line = next((l for l in out if l.startswith("  " + track["id"] + "  ")), None)
    assert line, (track["id"], out)
    codes = [l["code"] for l in track["levels"]]
    assert line.split(":", 1)[1].replace("(undefined)", "").split() == codes, (line, codes)
PY
"$LADDER" frameworks --json >"$tmp/json"
python3 - "$tmp/json" "$eng_id" <<'PY'
import json, sys
frameworks = json.load(open(sys.argv[1]))
assert [f["id"] for f in frameworks] == [sys.argv[2]], frameworks
f = frameworks[0]
assert f["shown_version"] == f["latest_published"] != "", f
assert all(v["status"] in ("draft", "published") for v in f["versions"]), f["versions"]
assert f["tracks"] and all(t["levels"] for t in f["tracks"]), f["tracks"]
PY

# Mistyped commands, at the top and in a group, and a command that lives in a group.
expect 2 'unknown command '"'"'imprt'"'"'; did you mean `ladder import`?' imprt doc.md
expect 2 'did you mean `ladder case open`?' case opn p1 IC2
expect 2 'did you mean `ladder case waive`?' waive --help
# A command that takes a person and has commands of its own: a near spelling of one of them,
# followed by that command's option, is the command mistyped, not a person.
expect 2 "unknown command 'withdrw' for \`ladder assess\`; did you mean \`ladder assess withdraw\`? (--reason is an option of that command)" assess withdrw as-1 --reason "wrong quarter"
expect 2 "unknown command 'zzzz' for \`ladder\`; the commands are import, " zzzz
# A bare command or group asks for its command and lists them.
expect 2 '`ladder` needs a command: import, ' 
expect 2 '`ladder case` needs a command: ' case
# Mistyped options, with the closest one.
expect 2 "unknown option '--jsn' for \`ladder frameworks\`; did you mean --json?" frameworks --jsn
expect 2 "unknown option '--publsh' for \`ladder load\`; did you mean --publish?" load x.yaml --publsh=yes
# What looks like an option as the value of an option, or after `--`, is left alone.
expect 1 'no passages match "--jsn"' search --framework "$eng_id" -- --jsn
expect 1 'no passages match "zzz"' search --framework "$eng_id" --limit 3 zzz

# Every command's --help is its own (exit 0), nested ones included.
for words in "import" "case waive" "user token" "frameworks" "people import"; do
  read -ra cmd <<<"$words"
  "$LADDER" "${cmd[@]}" --help >"$tmp/help" || fail "ladder $words --help: exit $?"
  head -3 "$tmp/help" | grep -qF "ladder $words" || fail "ladder $words --help: $(head -3 "$tmp/help")"
done
"$LADDER" --version | grep -q "^ladder [0-9]" || fail "--version"

# With --json, errors are one JSON object on stderr: code, message, field and place.
expect 2 '"error"' eligibility nobody E2 --json
python3 - "$tmp/err" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, lines
e = json.loads(lines[0])["error"]
assert e["code"] == "not_found" and "nobody" in e["message"], e
assert e["text"].startswith("ladder: "), e
PY
expect 2 '"code":"invalid_argument"' frameworks --jsn --json
echo "ok: frameworks list, did-you-mean for commands and options, own --help, JSON errors"
