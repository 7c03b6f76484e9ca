#!/usr/bin/env bash
# A change request in Chromium (tests/browser/changes.mjs), at 1280 px and at 390 px: the
# engineering example, under a policy that requires approval, gets two drafts; for each, Hana
# Rowe (people team) proposes it from the frameworks page, Quinn Reviewer (people team too)
# asks for changes and approves it, and Hana publishes it. The database then says what the
# browser did: both versions published, both requests published by Hana.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"

# The example, published with the requirement, and two drafts that each reword E1's summary.
sed 's/^  cumulative: true$/  cumulative: true\n  publishing:\n    requires_approval: true/' \
  "$src/examples/engineering.yaml" > published.yaml
grep -q requires_approval published.yaml || fail "the policy was not added"
"$LADDER" load published.yaml --publish >/dev/null
for version in 2026.1 2026.2; do
  sed -e "s/^  version: \"2025.1\"$/  version: \"$version\"/" -e 's/^  status: published$/  status: draft/' \
    -e "s/^        summary: Learns the codebase and ships well-scoped tasks with close guidance.$/        summary: Learns the codebase, ships well-scoped tasks with close guidance and writes down what they learn ($version)./" \
    published.yaml > "draft-$version.yaml"
  grep -q "what they learn ($version)" "draft-$version.yaml" || fail "draft $version did not change E1"
  "$LADDER" load "draft-$version.yaml" >/dev/null
done

cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
hrp,Hana Rowe,hana@example.com,,engineering,ic,E4,2020-01-01
hrq,Quinn Reviewer,quinn@example.com,,engineering,ic,E4,2021-01-01
CSV
"$LADDER" people import people.csv >/dev/null
for user in hrp hrq; do
  echo "pw-$user-long" | "$LADDER" user add "$user" --person "$user" --role people_team --password-stdin >/dev/null
done

serve_ladder --quiet --notify-interval 0
node "$src/tests/browser/changes.mjs" "http://127.0.0.1:$port/" engineering 2026.1 1280 "$artifacts/changes"
node "$src/tests/browser/changes.mjs" "http://127.0.0.1:$port/" engineering 2026.2 390 "$artifacts/changes"

list=$("$LADDER" change list engineering --json)
[[ $(grep -o '"status": *"published"' <<<"$list" | wc -l) == 2 ]] || fail "not both requests are published: $list"
[[ $(grep -o '"closed_by": *"hrp"' <<<"$list" | wc -l) == 2 ]] || fail "not both were published by hrp: $list"
"$LADDER" frameworks | grep -q "latest published 2026.2" || fail "2026.2 is not the published version: $("$LADDER" frameworks)"
echo ok
