#!/usr/bin/env bash
# Writes the "before" fixtures of the storage tests with a Ladder of database schema 2 (the
# binary in $LADDER), which stored people-side records in their earlier JSON form:
#   schema2.sql         the SQLite database it wrote (`sqlite3 .dump`)
#   schema2-dump.json   its portable dump (`ladder export --all`)
# storage_test.sh opens the first with the current Ladder and restores the second. The files
# are kept as written; run this only to recreate them with such a binary.
set -euo pipefail
: "${LADDER:?a ladder binary of schema 2}"
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export LADDER_DATABASE="sqlite:$dir/ladder.db"
l() { "$LADDER" "$@" > /dev/null; }
l load "$here/people.yaml" --publish
cat > "$dir/people.csv" <<'CSV'
id,name,email,manager,framework,track,level,since,until
cap,Cora Vale,cora@example.com,,harbour,crew,C2,2018-04-01,
m1,Milo Frey,milo@example.com,cap,harbour,crew,C2,2020-02-01,
d1,Dina Holt,dina@example.com,m1,harbour,crew,C1,2023-03-01,
d2,Ezra Lund,,m1,harbour,crew,C1,2022-06-15,2024-06-15
d2,,,,harbour,crew,C2,2024-06-15,
CSV
l people import "$dir/people.csv"
l evidence add d1 --kind project --title "Moved the night ferry berth" --date 2024-02-10 \
  --competency logistics --url https://example.com/berth --id ev-berth
l evidence add d1 --kind role --role shift-lead --title "Night shift lead" --date 2024-05-01 \
  --id ev-shift-open
l evidence add d1 --kind role --role shift-lead --title "Winter relief lead" --date 2023-11-01 \
  --end 2024-01-31 --id ev-shift-closed
l assess d1 --by m1 --role manager --competency seamanship,logistics \
  --period 2024-01-01..2024-03-31 --rating next --note "Ready for the bosun's work"
l signoff d1 "Led two night shifts on the quay" --by m1 --note "Seen on the rota" --date 2024-04-02
l raise d2 --by m1 --note "Covered two berths" --date 2024-09-01
l need open harbour pilot --by cap --reason "The channel needs a second pilot" --date 2024-03-01 \
  --id need-pilot
l need open harbour crew/C2 --by cap --reason "A new berth opens" --date 2024-03-02 --id need-bosun
l case open d1 crew/C2 --by m1 --id case-d1 --date 2024-04-10
l case add-evidence case-d1 ev-berth --by m1 --date 2024-04-10 && l case review case-d1 --panel cap,d2 --by m1 --date 2024-04-11
l case move case-d1 portfolio --by m1 --date 2024-04-11
l case move case-d1 peer_review --by m1 --date 2024-04-12
l case vote case-d1 --by cap --vote for --note "Knows the quay" --date 2024-04-13
l case vote case-d1 --by d2 --vote abstain --date 2024-04-14
l case waive case-d1 "At least 12 months as a Deckhand" --by cap --reason "Joined with sea time" \
  --id wa-sea --date 2024-04-15
l case move case-d1 decision --by m1 --date 2024-04-16
l case decide case-d1 --outcome promoted --by cap --effective 2024-05-01 --note "Welcome aboard"
l case open d2 pilot --by m1 --id case-d2 --date 2024-10-01
l need open harbour crew/C1 --by cap --reason "Summer season" --date 2024-06-01 --id need-summer
l need close need-summer --by cap --date 2024-09-30
printf 'a-long-harbour-password\n' | l user add cora --role admin --name "Cora Vale" --person cap \
  --password-stdin
printf 'another-harbour-password\n' | l user add auditor --role reviewer --password-stdin
l user token cora --name "nightly export" --expires 2030-01-01
sqlite3 "$dir/ladder.db" .dump > "$here/schema2.sql"
"$LADDER" export --all > "$here/schema2-dump.json"
