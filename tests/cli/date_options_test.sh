#!/usr/bin/env bash
# Every date option of every command: a value given must be a date. An empty one (`--date ""`)
# is a usage error naming the option (exit 2), like any other bad date, and stores nothing; only
# leaving the option out gives its default (today, never, ongoing).
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db

"$LADDER" load "$LADDER_SOURCE_DIR/examples/engineering.yaml" --publish >/dev/null
cat > "$tmp/people.csv" <<CSV
id,name,email,manager,framework,track,level,since
e1,Eve One,eve@example.com,,engineering,ic,E2,2023-01-01
e2,Sam Two,sam@example.com,e1,engineering,ic,E1,2024-01-01
CSV
"$LADDER" people import "$tmp/people.csv" >/dev/null
echo "an admin pass phrase" | "$LADDER" user add admin --role admin --password-stdin >/dev/null
state() { "$LADDER" export --all --include-secrets | md5sum; }
before=$(state)

# COMMAND... with the date option's value last: each is run with "" and with a day that does not
# exist, and must exit 2 naming the option.
commands=(
  "evidence add e2 --kind talk --title Talk --date"
  "evidence add e2 --kind role --role tech-lead --date 2025-01-01 --end"
  "evidence metric e2 --name resolved --value 0.9 --period"
  "assess e2 --by e1 --role manager --competency delivery --rating meeting --period"
  "raise e2 --by e1 --date"
  "signoff e2 A-requirement --by e1 --date"
  "eligibility e2 next --at"
  "case open e2 next --by e1 --date"
  "case show c1 --at"
  "case add-evidence c1 ev1 --by e1 --date"
  "case review c1 --panel e1 --by e1 --date"
  "case move c1 portfolio --by e1 --date"
  "case vote c1 --by e1 --vote for --date"
  "case decide c1 --outcome promoted --by e1 --effective"
  "case waive c1 A-requirement --by e1 --reason why --expires"
  "case waive c1 A-requirement --by e1 --reason why --date"
  "need open engineering ic/E2 --by e1 --reason why --date"
  "waiver add e2 A-requirement --by e1 --reason why --expires"
  "waiver add e2 A-requirement --by e1 --reason why --date"
  "waiver revoke w1 --by e1 --reason why --date"
  "need close n1 --by e1 --date"
  "change publish cr1 --by e1 --effective"
  "user token admin --name nightly --expires"
)
for command in "${commands[@]}"; do
  read -ra args <<<"$command"
  option=${args[-1]}
  for value in "" "2026-02-30"; do
    set +e
    "$LADDER" "${args[@]}" "$value" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    [[ $rc == 2 ]] || fail "ladder $command '$value' exited $rc: $(cat "$tmp/err" "$tmp/out")"
    grep -qF -- "$option" "$tmp/err" || fail "ladder $command '$value': the error does not name $option: $(cat "$tmp/err")"
  done
  grep -qF "an empty value is not a date" "$tmp/err" ||
    grep -qF "2026-02-30" "$tmp/err" || fail "ladder $command: unclear error: $(cat "$tmp/err")"
done
set +e
"$LADDER" evidence add e2 --kind talk --title Talk --date "" 2> "$tmp/err"
set -e
grep -qF -- "--date: an empty value is not a date; give YYYY-MM-DD, or leave --date out for its default" "$tmp/err" ||
  fail "the empty --date message: $(cat "$tmp/err")"
[[ $(state) == "$before" ]] || fail "a refused date option stored something"

# Left out, the defaults hold; given, the date is used.
"$LADDER" evidence add e2 --kind talk --title "On a day" --date 2026-01-05 >/dev/null
"$LADDER" evidence add e2 --kind talk --title "Today" >/dev/null
"$LADDER" export --all | /usr/bin/python3 -c '
import json, sys
days = sorted(e["day"] for e in json.load(sys.stdin)["evidence"])
assert days == sorted(["2026-01-05", sys.argv[1]]), days' "$(date -u +%F)" || fail "evidence dates"
echo ok
