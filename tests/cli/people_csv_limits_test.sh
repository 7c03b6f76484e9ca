#!/usr/bin/env bash
# `ladder people import`: what a people file may not carry, each refused with file:line:col and
# the column (file:line:field), and nothing stored: a field too long to be a name (a 50 MB one included), a NUL
# byte, ids outside the safe set (line breaks, markup, spaces), control characters in names. A
# dump restored with such a person is refused the same way.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
header='id,name,email,manager,framework,track,level,since'
row_tail='engineering,ic,E1,2024-01-01'

"$LADDER" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish >/dev/null
printf '%s\ne1,Eve One,eve@example.com,,%s\n' "$header" "$row_tail" > "$tmp/ok.csv"
"$LADDER" people import "$tmp/ok.csv" >/dev/null || fail "a good file was refused"
people() { "$LADDER" export --all | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["people"]))'; }
[[ $(people) == 1 ]] || fail "the good file stored $(people) people"

refused() {  # refused FILE WANT...: exits 2, says each WANT, stores nothing
  local file=$1
  shift
  set +e
  "$LADDER" people import "$file" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  set -e
  [[ $rc == 2 ]] || fail "$(basename "$file") exited $rc: $(head -c 600 "$tmp/err")"
  for want in "$@"; do
    grep -qF -- "$want" "$tmp/err" || fail "$(basename "$file"): no '$want' in: $(head -c 600 "$tmp/err")"
  done
  [[ $(wc -c < "$tmp/err") -lt 4000 ]] || fail "$(basename "$file"): the error echoes the field ($(wc -c < "$tmp/err") bytes)"
  [[ $(people) == 1 ]] || fail "$(basename "$file") stored something"
}

# A 50 MB name: refused at its line and column, without quoting it back.
{
  printf '%s\ne2,' "$header"
  head -c 52428800 /dev/zero | tr '\0' 'x'
  printf ',big@example.com,,%s\n' "$row_tail"
} > "$tmp/huge.csv"
refused "$tmp/huge.csv" "huge.csv:2:2: name: 52428800 bytes; a field holds at most 1024"

# A name of 300 characters is not a name either.
printf '%s\ne2,%s,,,%s\n' "$header" "$(printf 'Ann%.0s' $(seq 100))" "$row_tail" > "$tmp/long.csv"
refused "$tmp/long.csv" "long.csv:2:2: name: the name has 300 characters; at most 200"

# A NUL byte is refused where it is, not silently cut.
printf '%s\ne2,Nul\0Name,,,%s\n' "$header" "$row_tail" > "$tmp/nul.csv"
refused "$tmp/nul.csv" "nul.csv:2:7:" "NUL byte"

# Ids: no line breaks, no markup, no spaces.
printf '%s\n"e2\nx",Two Lines,,,%s\n' "$header" "$row_tail" > "$tmp/newline.csv"
refused "$tmp/newline.csv" "newline.csv:2:1: id: the id holds U+000A at character 3"
printf '%s\n<b>e2</b>,Markup,,,%s\n' "$header" "$row_tail" > "$tmp/markup.csv"
refused "$tmp/markup.csv" "markup.csv:2:1: id: the id holds '<' at character 1"
printf '%s\ne 2,Spaced,,,%s\n' "$header" "$row_tail" > "$tmp/space.csv"
refused "$tmp/space.csv" "space.csv:2:1: id: the id holds U+0020 at character 2"
printf '%s\ne2,Bad Manager,,<script>,%s\n' "$header" "$row_tail" > "$tmp/manager.csv"
refused "$tmp/manager.csv" "manager.csv:2:4: manager: the manager's id holds '<'"

# Names without control characters (a tab, a line break in a quoted field, an escape).
printf '%s\ne2,Tab\tName,,,%s\n' "$header" "$row_tail" > "$tmp/tab.csv"
refused "$tmp/tab.csv" "tab.csv:2:2: name: the name holds U+0009 at character 4"
printf '%s\ne2,"Two\nLines",,,%s\n' "$header" "$row_tail" > "$tmp/break.csv"
refused "$tmp/break.csv" "break.csv:2:2: name: the name holds U+000A"
printf '%s\ne2,Esc\033[31mRed,,,%s\n' "$header" "$row_tail" > "$tmp/escape.csv"
refused "$tmp/escape.csv" "escape.csv:2:2: name: the name holds U+001B"

# Names in any script are names; ids in any script are ids.
printf '%s\nü2,Zoë Ñúñez,zoe@example.com,e1,%s\n' "$header" "$row_tail" > "$tmp/accents.csv"
"$LADDER" people import "$tmp/accents.csv" >/dev/null || fail "accented name refused"
[[ $(people) == 2 ]] || fail "the accented person was not stored"

# The other way people arrive: a dump. One with a person id holding markup is refused whole.
"$LADDER" export --all > "$tmp/dump.json"
/usr/bin/python3 - "$tmp/dump.json" <<'PY'
import json, sys
dump = json.load(open(sys.argv[1]))
dump["people"][0]["id"] = "<img src=x>"
for a in dump["assignments"]:
    a["person"] = "<img src=x>" if a["person"] == "e1" else a["person"]
json.dump(dump, open(sys.argv[1], "w"))
PY
set +e
"$LADDER" restore "$tmp/dump.json" --database "sqlite:$tmp/copy.db" 2> "$tmp/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "a dump with an unsafe person id exited $rc: $(cat "$tmp/err")"
grep -q "people\[0\] the id holds '<'" "$tmp/err" || fail "dump error: $(cat "$tmp/err")"
echo ok
