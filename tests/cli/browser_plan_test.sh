#!/usr/bin/env bash
# A growth plan in Chromium (tests/browser/plan.mjs) on the plain-text ladder (seed 004): a
# manager agrees an action at 1280 px, their report marks it done and records a check-in at
# 390 px; the database then holds what the browser did. Screenshots go to
# build/test-artifacts/browser/plan/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"

load_seed_004
cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
lead,Lee Ames,lee@example.com,,$fw,management,manager,2019-01-01
ce,Cam Egan,cam@example.com,lead,$fw,core,customer-engineer,2025-01-06
CSV
"$LADDER" people import people.csv >/dev/null
echo "pw-plan-long-enough" | "$LADDER" user add lead --person lead --role manager --password-stdin >/dev/null
echo "pw-plan-long-enough" | "$LADDER" user add ce --person ce --role employee --password-stdin >/dev/null

serve_ladder --quiet
node "$src/tests/browser/plan.mjs" "http://127.0.0.1:$port/" "$artifacts" lead ce pw-plan-long-enough

plan=$("$LADDER" plan list ce --json)
grep -q '"status": "done"' <<<"$plan" || fail "the action is not done in the database: $plan"
grep -q '"agreed_by": "lead"' <<<"$plan" || fail "the action was not agreed by lead: $plan"
grep -q '"held_by": "ce"' <<<"$plan" || fail "the check-in was not written down by ce: $plan"
echo ok
