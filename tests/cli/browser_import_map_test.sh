#!/usr/bin/env bash
# The import page's mapping table in Chromium (tests/browser/import_map.mjs): a CSV read with
# the guessed map, the map changed in the table and the file read again, the draft saved, and
# only then the framework in the database. Screenshots go to build/test-artifacts/browser/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-admin-long" | "$LADDER" user add admin --role admin --password-stdin >/dev/null

serve_ladder --quiet
node "$src/tests/browser/import_map.mjs" "http://127.0.0.1:$port/" "$artifacts" \
  "$src/tests/golden/sheets/sales_rows.csv"

# The draft saved is the framework read with the changed map: levels Negotiation, Forecasting.
n=$(sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM framework_versions WHERE status = 'draft'")
[[ $n == 1 ]] || fail "expected one draft, found $n"
doc=$(sqlite3 "$tmp/ladder.db" "SELECT document FROM framework_versions")
grep -q '"title": *"Negotiation"' <<<"$doc" && grep -q '"title": *"Forecasting"' <<<"$doc" \
  || fail "the stored framework is not the mapped reading: ${doc:0:400}"
echo ok
