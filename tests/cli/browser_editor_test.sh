#!/usr/bin/env bash
# The structured editor of a framework in Chromium (tests/browser/structured_editor.mjs): the
# full-size examples/engineering.yaml, stored as a draft, edited in forms by a people-team author
# and saved; the script compares the stored framework with the one before. Screenshots go to
# build/test-artifacts/browser/structured-editor/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-hr-long" | "$LADDER" user add hr --role people_team --password-stdin >/dev/null
"$LADDER" load "$src/examples/engineering.yaml" >/dev/null

serve_ladder --quiet
node "$src/tests/browser/structured_editor.mjs" "http://127.0.0.1:$port/" "$artifacts"

# One version, still a draft, now with the new level.
n=$(sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM framework_versions WHERE status = 'draft'")
[[ $n == 1 ]] || fail "expected one draft, found $n"
doc=$(sqlite3 "$tmp/ladder.db" "SELECT document FROM framework_versions")
grep -q '"code": *"E9"' <<<"$doc" || fail "the stored framework lacks the new level"
echo ok
