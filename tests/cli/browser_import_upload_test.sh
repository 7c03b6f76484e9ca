#!/usr/bin/env bash
# The import page with several files in Chromium (tests/browser/import_upload.mjs), at 390 px and
# 1280 px, with axe: two documents of tests/web_import/ and one seed uploaded at once, a passage
# turned into a behaviour and the others kept as notes, the draft saved, and only then the
# framework in the database, with both. Screenshots go to build/test-artifacts/browser/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-admin-long" | "$LADDER" user add admin --role admin --password-stdin >/dev/null

passage="Marks each new queen with the colour of her year"
serve_ladder --quiet
node "$src/tests/browser/import_upload.mjs" "http://127.0.0.1:$port/" "$artifacts" \
  "$passage" hive-care apiary/beekeeper-2 \
  "$src/tests/web_import/beekeeper-1.md" "$src/tests/web_import/beekeeper-2.md" \
  "$SEEDS"/000_*.txt

# Nothing was stored by the previews at 390 px; the draft saved at 1280 px holds the choices.
n=$(sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM framework_versions WHERE status = 'draft'")
[[ $n == 1 ]] || fail "expected one draft, found $n"
doc=$(sqlite3 "$tmp/ladder.db" "SELECT document FROM framework_versions")
grep -q "\"$passage\"" <<<"$doc" || fail "the stored framework lacks the chosen behaviour"
grep -q '"title": *"Kept from beekeeper-2.md"' <<<"$doc" \
  || fail "the stored framework lacks the kept notes: ${doc:0:400}"
echo ok
