#!/usr/bin/env bash
# A whole review cycle in Chromium (tests/browser/cycle.mjs), as the four roles who live it: the
# people team opens a cycle on the form of /cycles and reads its calibration board; a manager
# nominates a report; the people team opens the reviews and names the panels in bulk, filters
# the board, downloads the CSV and compares the candidates side by side; the cases move to peer
# review, each reviewer votes from the inbox, the cycle moves phase by phase to its decisions,
# one review is decided "promoted", the cycle is communicated and closed; the employee then
# sees their own outcome. `ladder serve` delivers the notifications to a real SMTP server
# (Debian's aiosmtpd storing into a Maildir on loopback), and the test reads from it what each
# person received. Screenshots of the board at 1280 px and 390 px go to
# build/test-artifacts/browser/cycle/.
# Everything is dated from today (UTC): the web app decides with the real date.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
source "$(dirname "$0")/browser_lib.sh"
[[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null \
  || fail "python3-aiosmtpd is needed (scripts/setup.sh installs it)"
smtp=""
trap '[[ -n $smtp ]] && kill "$smtp" 2>/dev/null; cleanup' EXIT
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"

day() { date -u -d "$1" +%F; }
today=$(date -u +%F)
# Ivo's time at level 1 is met on `earliest`, 2 to 6 weeks after the evaluation (today): "close".
# A 15th, so that "12 months" means the same date to everyone.
earliest=$(date -u -d "$today + 30 days" +%Y-%m-15)
ivo_since=$(day "$earliest - 12 months")

"$LADDER" load "$src/tests/scenarios/fixtures/support-paths.yaml" --publish >/dev/null
cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
d1,Dana Ruiz,dana@example.com,,support-paths,management,MGR,$(day "$today - 8 years")
m1,Milo Chen,milo@example.com,d1,support-paths,management,LEAD,$(day "$today - 5 years")
e1,Eli Moss,eli@example.com,m1,support-paths,core,SUP1,$(day "$today - 3 years")
e2,Ana Berg,ana@example.com,m1,support-paths,core,SUP1,$(day "$today - 6 months")
e3,Ivo Kern,ivo@example.com,m1,support-paths,core,SUP1,$ivo_since
r1,Rae Quinn,rae@example.com,m1,support-paths,ic,SUP2,$(day "$today - 4 years")
r2,Sol Varga,sol@example.com,m1,support-paths,ic,SUP2,$(day "$today - 4 years")
CSV
"$LADDER" people import people.csv >/dev/null
# Eli and Ivo hold two SME sign-offs each, given and confirmed by their signers; Ana none.
for who in e1 e3; do
  "$LADDER" evidence add "$who" --kind sme --skill networking --signed-off-by r1 --by r1 --date "$(day "$today - 60 days")" >/dev/null
  "$LADDER" evidence add "$who" --kind sme --skill linux --signed-off-by r2 --by r2 --date "$(day "$today - 50 days")" >/dev/null
done
for spec in dana:d1:people_team milo:m1:manager rae:r1:reviewer sol:r2:reviewer ivo:e3:employee; do
  IFS=: read -r user person role <<<"$spec"
  echo "pw-$user-long" | "$LADDER" user add "$user" --person "$person" --role "$role" --password-stdin >/dev/null
done

# The SMTP sink: aiosmtpd's Mailbox handler keeps every message it accepts in a Maildir.
smtp_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$tmp/mail" \
  >"$tmp/smtp.log" 2>&1 &
smtp=$!
for _ in $(seq 100); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1',$smtp_port),0.2)" 2>/dev/null && break
  sleep 0.1
done
/usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1',$smtp_port),0.2)" 2>/dev/null \
  || fail "the SMTP sink did not start: $(cat "$tmp/smtp.log")"

serve_ladder --quiet --notify-interval 1 --smtp-url "smtp://127.0.0.1:$smtp_port" \
  --mail-from ladder@example.org --base-url https://ladder.example.org
config=$(printf '{"today":"%s","earliest":"%s","out":"%s"}' "$today" "$earliest" "$tmp/journey.json")
node "$src/tests/browser/cycle.mjs" "http://127.0.0.1:$port/" "$artifacts" "$config"

# What the browser did is in the database.
"$LADDER" cycle report browser-season --json > report.json
/usr/bin/python3 - report.json "$earliest" "$today" <<'PY' || fail "the cycle's record: $(cat report.json)"
import json, sys
r = json.load(open(sys.argv[1])); earliest, today = sys.argv[2], sys.argv[3]
c = r["cycle"]
assert c["status"] == "closed" and c["closed"] == today, c
by = {k["person"]: k for k in r["candidates"]}
assert by["e3"]["outcome"] == "promoted" and by["e3"]["effective"] == earliest, by["e3"]
assert by["e3"]["nomination"]["by"] == "m1" and by["e3"]["nomination"]["note"] == "Ready by spring", by["e3"]
assert by["e1"]["outcome"] == "undecided", by["e1"]
assert by["e2"]["outcome"] is None, by["e2"]
PY
for action in cycle.open cycle.candidate cycle.update cycle.close case.create case.vote case.update; do
  sqlite3 "$tmp/ladder.db" "SELECT count(*) FROM audit_log WHERE action = '$action' AND actor LIKE 'user:%'" |
    grep -qv '^0$' || fail "no audit entry '$action' by a signed-in user"
done

# The notifications, from the SMTP sink: `ladder serve` delivers every second. Wait for the 16
# messages the journey raises, then a little more, so that one sent twice or to someone else
# would be seen too.
for _ in $(seq 150); do
  (($(find "$tmp/mail/new" -type f 2>/dev/null | wc -l) >= 16)) && break
  sleep 0.2
done
sleep 2.5
"$LADDER" notify log > delivery.log
for status in pending failed; do
  [[ $("$LADDER" notify log --status $status --json | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') == 0 ]] ||
    fail "deliveries $status: $(cat delivery.log)"
done
/usr/bin/python3 - "$tmp/mail" "$tmp/journey.json" "$earliest" <<'PY' || fail "the mail received (above); the delivery log: $(cat delivery.log)"
import json, mailbox, sys
from email import policy
from email.parser import BytesParser
box, journey, earliest = mailbox.Maildir(sys.argv[1], create=False), json.load(open(sys.argv[2])), sys.argv[3]
got, ids = {}, []
for key in box.keys():
    with box.get_file(key) as f:
        m = BytesParser(policy=policy.default).parse(f)
    to = m["To"].addresses[0].addr_spec
    assert m["X-RcptTo"] == to, (m["X-RcptTo"], to)
    assert m["From"].addresses[0].addr_spec == "ladder@example.org", m["From"]
    body = m.get_body(("plain", "html")).get_content()
    got.setdefault(to, []).append((str(m["Subject"]), body))
    ids.append(str(m["Message-ID"]))
def show():
    return "\n".join(f"  {to}: {s}" for to in sorted(got) for s, _ in got[to])
T = "ic SUP2"
want = {
    # The nominated person: their review opened, moved three times, decided.
    "ivo@example.com": [f"A review of your promotion to {T} was opened",
                        f"Your review for {T} moved to portfolio",
                        f"Your review for {T} moved to peer_review",
                        f"Your review for {T} moved to decision",
                        f"Your review for {T} was decided: promoted, effective {earliest}"],
    # The eligible one, whose review stays in peer review.
    "eli@example.com": [f"A review of your promotion to {T} was opened",
                        f"Your review for {T} moved to portfolio",
                        f"Your review for {T} moved to peer_review"],
}
for reviewer in ("rae@example.com", "sol@example.com"):
    want[reviewer] = [f"You are on the review panel of {who} for {T}" for who in ("Eli Moss", "Ivo Kern")] + \
                     [f"Your vote is waiting on the review of {who} for {T}" for who in ("Eli Moss", "Ivo Kern")]
problems = []
for to in sorted(set(want) | set(got)):
    have = sorted(s for s, _ in got.get(to, []))
    if have != sorted(want.get(to, [])):
        problems.append(f"{to} received {have}, expected {sorted(want.get(to, []))}")
# Nobody else is told: not the manager, not the people team, not Ana (blocked, no review).
for quiet in ("milo@example.com", "dana@example.com", "ana@example.com"):
    if quiet in got: problems.append(f"{quiet} received mail")
if len(ids) != len(set(ids)): problems.append(f"a Message-ID came twice: {sorted(ids)}")
# Each message links to its review at the base URL.
links = {"ivo@example.com": journey["ivo_case"], "eli@example.com": journey["eli_case"]}
for to, case in links.items():
    for s, body in got.get(to, []):
        if f"https://ladder.example.org/cases/{case}" not in body:
            problems.append(f"{to}: '{s}' does not link to /cases/{case}: {body!r}")
for to in ("rae@example.com", "sol@example.com"):
    for s, body in got.get(to, []):
        case = journey["ivo_case"] if "Ivo Kern" in s else journey["eli_case"]
        if f"https://ladder.example.org/cases/{case}" not in body:
            problems.append(f"{to}: '{s}' does not link to /cases/{case}: {body!r}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    print("received:\n" + show(), file=sys.stderr)
    sys.exit(1)
PY
echo ok
