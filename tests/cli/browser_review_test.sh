#!/usr/bin/env bash
# The seed-004 review process in Chromium (tests/browser/review_flow.mjs): evidence and a
# self-assessment, a review opened by the manager, votes by the panel, the decision, and the
# employee's new level on their growth page. Screenshots go to build/test-artifacts/browser/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"

load_seed_004
cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
dir,Dana Ito,dana@example.com,,$fw,management,manager-i,2018-01-01
lead,Lee Ames,lee@example.com,dir,$fw,management,manager,2019-01-01
ce,Cam Egan,cam@example.com,lead,$fw,core,customer-engineer,2025-01-06
p1,Pam One,pam@example.com,lead,$fw,ic,senior-engineer,2021-01-01
p2,Pat Two,pat@example.com,lead,$fw,ic,senior-engineer,2021-01-01
CSV
"$LADDER" people import people.csv >/dev/null
for spec in ce:employee lead:manager dir:manager p1:reviewer p2:reviewer; do
  user=${spec%%:*}
  echo "pw-$user-long" | "$LADDER" user add "$user" --person "$user" --role "${spec#*:}" --password-stdin >/dev/null
done

serve_ladder --quiet
node "$src/tests/browser/review_flow.mjs" "http://127.0.0.1:$port/" "$artifacts"

# What the browser did is in the database: the promotion, and an audit entry for each step.
grep -q "ic/senior-engineer" <<<"$("$LADDER" people show ce)" || fail "ce was not promoted"
for action in evidence.create assessment.create case.create case.vote case.update; do
  sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM audit_log WHERE action = '$action' AND actor LIKE 'user:%'" |
    grep -qv '^0$' || fail "no audit entry '$action' by a signed-in user"
done
echo ok
