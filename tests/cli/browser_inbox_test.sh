#!/usr/bin/env bash
# The inbox in Chromium (tests/browser/inbox.mjs): a review names a panel and moves to peer
# review from the command line; the reviewer finds both notifications in her inbox, marks them
# read and changes her preferences; the database then says what the browser did.
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
p1,Pam One,pam@example.com,lead,$fw,ic,senior-engineer,2021-01-01
CSV
"$LADDER" people import people.csv >/dev/null
echo "pw-p1-long-enough" | "$LADDER" user add p1 --person p1 --role reviewer --password-stdin >/dev/null
"$LADDER" case open ce ic/senior-engineer --by lead --id c1 >/dev/null
"$LADDER" case review c1 --panel p1 --by lead >/dev/null
"$LADDER" case move c1 portfolio --by lead >/dev/null
"$LADDER" case move c1 peer_review --by lead >/dev/null

serve_ladder --quiet --notify-interval 0
node "$src/tests/browser/inbox.mjs" "http://127.0.0.1:$port/" p1 pw-p1-long-enough "$artifacts"

[[ $("$LADDER" notify list p1 --unread --json | grep -c '"id"') == 0 ]] || fail "p1 still has unread notifications"
"$LADDER" notify prefs p1 | grep -q "e-mail digest" || fail "the digest choice was not stored"
"$LADDER" notify prefs p1 | grep -q "case_moved: inbox, webhook$" || fail "case moves still go by e-mail"
echo ok
