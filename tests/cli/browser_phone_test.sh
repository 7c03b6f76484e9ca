#!/usr/bin/env bash
# Every page of the web app at phone width (390 px) and desktop width (1280 px), as each role
# reaches it (tests/browser/phone.mjs): an organisation on seed 004 and the examples, with an
# open review, a panel, evidence, assessments and a growth plan, signed in as an employee, a manager, a
# reviewer, the people team and an admin, and as a visitor of the public site. Screenshots at
# phone width go to build/test-artifacts/browser/phone/.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"

load_seed_004 "$src"/examples/*.yaml
cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
dir,Dana Ito,dana@example.com,,$fw,management,manager-i,2018-01-01
lead,Lee Ames,lee@example.com,dir,$fw,management,manager,2019-01-01
ce,Cam Egan-Castellanos,cam@example.com,lead,$fw,core,customer-engineer,2025-01-06
p1,Pam One,pam@example.com,lead,$fw,ic,senior-engineer,2021-01-01
p2,Pat Two,pat@example.com,lead,$fw,ic,senior-engineer,2021-01-01
hrp,Hana Rowe,hana@example.com,dir,$fw,ic,senior-engineer,2020-01-01
CSV
"$LADDER" people import people.csv >/dev/null
for spec in ce:employee lead:manager p1:reviewer hrp:people_team; do
  user=${spec%%:*}
  echo "pw-$user-long" | "$LADDER" user add "$user" --person "$user" --role "${spec#*:}" --password-stdin >/dev/null
done
echo "pw-admin-long" | "$LADDER" user add admin --role admin --password-stdin >/dev/null
# Records with long words and links, as people write them.
"$LADDER" evidence add ce --kind design --date 2026-02-01 --id ev1 \
  --title "Designed the reconciliation pipeline for multi-region customer onboarding" \
  --url "https://docs.example.com/engineering/designs/2026/customer-onboarding-reconciliation-pipeline-v2" >/dev/null
"$LADDER" evidence add ce --kind talk --date 2026-03-01 --id ev2 --title "Internal talk on incident reviews" >/dev/null
"$LADDER" need open "$fw" ic/senior-engineer --reason "A second senior for the EMEA support rotation" --by dir >/dev/null 2>&1 || true
target=ic/senior-engineer
"$LADDER" case open ce "$target" --by lead --date 2026-04-01 > case.out 2>&1 || fail "case open: $(cat case.out)"
case_id=$(grep -o 'case-[0-9a-f]*' case.out | head -1)
[[ -n $case_id ]] || fail "no case id: $(cat case.out)"
"$LADDER" case add-evidence "$case_id" ev1 ev2 --by lead >/dev/null 2>&1 || true
# A growth plan with a long action, a closed one and a check-in with long views.
"$LADDER" plan add ce --by lead --competency "$(sed -n 's/^  - id: //p' ladder.yaml | head -1)" \
  --title "Lead the reconciliation design review for the multi-region customer onboarding programme" \
  --target "$target" --due 2027-03-31 --date 2026-04-02 --id pa1 >/dev/null || fail "plan add"
"$LADDER" plan add ce --by ce --title "Shadow two escalations" --due 2026-06-30 --date 2026-04-02 --id pa2 >/dev/null
"$LADDER" plan update pa2 --status done --by ce --date 2026-05-01 >/dev/null
"$LADDER" plan checkin ce --by lead --date 2026-05-02 --self "Escalations went well; the design review feels like a big step" \
  --manager "Ready for it with a pairing partner" --outcome "Pair with Pam on the design review" >/dev/null

serve_ladder --quiet --public
node "$src/tests/browser/phone.mjs" "http://127.0.0.1:$port/" "$artifacts" ce lead p1 hrp admin -
echo ok
