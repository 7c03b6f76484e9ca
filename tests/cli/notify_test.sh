#!/usr/bin/env bash
# Notifications from the command line, delivered to a real SMTP server (Debian's aiosmtpd on
# loopback) and a local webhook receiver that checks every signature: a review's steps raise
# them in the inbox; an SMTP server that is down and a webhook that times out get logged
# retries with back-off; once both answer, every delivery arrives, none twice by key; a digest
# collects a day's e-mail into one message; preferences turn channels off.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "notify_test: $*" >&2; exit 1; }
[[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null \
  || fail "python3-aiosmtpd is needed (scripts/setup.sh installs it)"
export LADDER_DATABASE=sqlite:$dir/ladder.db
cd "$dir"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {  # wait_port PORT
  for _ in $(seq 100); do
    /usr/bin/python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "nothing listens on port $1"
}
# Timestamps as the store writes them, from a fixed start, so that retries and digests are due
# when the test says.
at() { date -u -d "2030-01-10 08:00:00 UTC + $1 seconds" +%Y-%m-%dT%H:%M:%S.000Z; }
json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

"$LADDER" import "$SEEDS"/004_*.txt -o ladder.yaml 2>/dev/null
"$LADDER" load ladder.yaml --publish >/dev/null
fw=$(sed -n 's/^  id: //p' ladder.yaml | head -1)
cat > people.csv <<CSV
id,name,email,manager,framework,track,level,since
lead,Lee Ames,lee@example.com,,$fw,management,manager,2019-01-01
ce,Cam Egan,cam@example.com,lead,$fw,core,customer-engineer,2025-01-06
p1,Pam One,pam@example.com,lead,$fw,ic,senior-engineer,2021-01-01
p2,Pat Two,,lead,$fw,ic,senior-engineer,2021-01-01
CSV
"$LADDER" people import people.csv >/dev/null

# A review's steps raise notifications in the same transaction as the step.
"$LADDER" case open ce ic/senior-engineer --by lead --id c1 >/dev/null
"$LADDER" case review c1 --panel p1,p2 --by lead >/dev/null
"$LADDER" case move c1 portfolio --by lead >/dev/null
"$LADDER" case move c1 peer_review --by lead >/dev/null
"$LADDER" notify list ce --json > ce.json
[[ $(json '[n["kind"] for n in d]' < ce.json) == "['case_moved', 'case_moved', 'case_opened']" ]] \
  || fail "ce was told: $(cat ce.json)"
"$LADDER" notify list p1 --json | json '[n["kind"] for n in d]' | grep -qx "\['vote_requested', 'panel_assigned'\]" \
  || fail "p1 was told: $("$LADDER" notify list p1)"
"$LADDER" notify list lead | grep -q "no notifications for lead" || fail "lead was told something"
# Saving the same step again tells nobody twice.
"$LADDER" case review c1 --panel p1,p2 --by lead >/dev/null
[[ $("$LADDER" notify list p1 --json | json 'len(d)') == 2 ]] || fail "p1 was told twice"

# p2 has no e-mail address; ce wants no webhook for case moves.
"$LADDER" notify prefs ce --channels case_moved=email > prefs.txt
grep -q "case_moved: inbox, email$" prefs.txt || fail "prefs said: $(cat prefs.txt)"
if "$LADDER" notify prefs ce --channels case_moved=pigeon 2> err; then fail "an unknown channel was taken"; fi
grep -q "channels.case_moved\[0\]" err || fail "the error does not name the field: $(cat err)"

# The SMTP server is down and the webhook times out: every attempt is logged and retried.
smtp_port=$(free_port)
hook_port=$(free_port)
secret=s3cret-for-tests
/usr/bin/python3 "$LADDER_SOURCE_DIR/tests/cli/testdata/webhook_receiver.py" "$hook_port" "$secret" hooks.log --slow-first 1 &
pids+=($!)
wait_port "$hook_port"
opts=(--smtp-url "smtp://127.0.0.1:$smtp_port" --webhook-url "http://127.0.0.1:$hook_port/hook"
      --webhook-secret "$secret" --notify-timeout 1 --base-url https://ladder.example.org --mail-from ladder@example.org)
status=0
"$LADDER" notify deliver --once --at "$(at 0)" "${opts[@]}" > out 2> err || status=$?
[[ $status == 1 ]] || fail "a pass with failed attempts exited $status: $(cat out err)"
grep -q "7 notifications planned, 4 delivered, 6 to retry, 0 failed for good" out || fail "deliver said: $(cat out)"
grep -q "Couldn't connect\|Connection refused\|Failed to connect" err || fail "no SMTP error on stderr: $(cat err)"
grep -q "imed out\|Timeout" err || fail "no webhook timeout on stderr: $(cat err)"
"$LADDER" notify log --json > log.json
[[ $(json 'len([x for x in d if x["channel"] == "email"])') == 7 ]] < log.json \
  || fail "e-mail deliveries: $(cat log.json)"
[[ $(json 'sorted(set((x["status"], x["attempts"]) for x in d if x["channel"] == "email" and x["target"]))') \
   == "[('pending', 1)]" ]] < log.json || fail "failed e-mails are not pending retries: $(cat log.json)"
[[ $(json 'sorted(set(x["last_error"] + " " + x["status"] for x in d if x["target"] == ""))') \
   == "['no e-mail address for p2 failed']" ]] < log.json \
  || fail "p2's missing address is not in the log: $(cat log.json)"
json '[x for x in d if x["channel"] == "webhook" and x["status"] == "pending" and x["attempts"] == 1]' < log.json \
  | grep -q "imed out" || fail "the timed-out webhook is not pending with its error: $(cat log.json)"
"$LADDER" notify log | grep -q "next at $(at 30 | cut -c1-16)" || fail "the retry is not due after 30 s: $("$LADDER" notify log)"

# Not yet due: nothing is sent again.
"$LADDER" notify deliver --once --at "$(at 10)" "${opts[@]}" --json > out
[[ $(json 'd["delivered"] + d["retried"]' < out) == 0 ]] || fail "a retry went before it was due: $(cat out)"

# Both answer now: everything arrives.
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" > mail.log 2>&1 &
pids+=($!)
wait_port "$smtp_port"
# This pass takes its settings from a settings file and the environment, as a server would.
cat > settings.toml <<TOML
smtp-url = "smtp://127.0.0.1:$smtp_port"
webhook-url = "http://127.0.0.1:$hook_port/hook"
webhook-secret = "$secret"
base-url = "https://ladder.example.org"
TOML
LADDER_MAIL_FROM=ladder@example.org "$LADDER" --config settings.toml notify deliver --once \
  --at "$(at 60)" --json > out || fail "deliver failed: $(cat out)"
[[ $(json 'd["delivered"]' < out) == 6 ]] || fail "second pass: $(cat out)"
sleep 0.5
[[ $(grep -c '^Message-ID: ' mail.log) == 5 ]] || fail "mails received: $(grep -c '^Message-ID: ' mail.log)"
[[ $(grep '^Message-ID: ' mail.log | sort -u | wc -l) == 5 ]] || fail "a mail was sent twice"
grep -q "^Subject: Your vote is waiting on the review of Cam Egan" mail.log || fail "no vote mail: $(cat mail.log)"
grep -q "https://ladder.example.org/cases/c1" mail.log || fail "the mail has no link"
[[ $(grep -c '^From: Ladder <ladder@example.org>' mail.log) == 5 ]] || fail "LADDER_MAIL_FROM was not used"
grep -q "^To: <pam@example.com>" mail.log || fail "pam got no mail"
# The webhook: every request signed, every notification but ce's case moves, each once past
# the timed-out attempt (which repeats its idempotency key).
/usr/bin/python3 - hooks.log <<'PY' || fail "webhook log: $(cat hooks.log)"
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1])]
assert all(e["valid"] for e in entries), "a signature did not hold"
answered = [e["key"] for e in entries if e["status"] == 204 and not e["slow"]]
assert len(answered) == len(set(answered)) == 5, answered
slow = [e["key"] for e in entries if e["slow"]]
assert len(slow) == 1 and slow[0] in answered, (slow, answered)
assert all(e["body"]["link"].startswith("https://ladder.example.org/cases/c1") for e in entries)
assert not any(e["body"]["kind"] == "case_moved" for e in entries)
PY
"$LADDER" notify deliver --once --at "$(at 7200)" "${opts[@]}" --json > out
[[ $(json 'd["delivered"] + d["retried"] + d["fanned"]' < out) == 0 ]] || fail "a pass re-sent: $(cat out)"

# A digest: pam's e-mail of a day in one message at the digest hour (07:00 UTC).
"$LADDER" notify prefs p1 --email digest >/dev/null
"$LADDER" case open p1 ic/staff-engineer --by lead --id c2 >/dev/null
"$LADDER" case review c2 --panel ce --by lead >/dev/null
"$LADDER" case move c2 portfolio --by lead >/dev/null
"$LADDER" notify deliver --once --at "$(at 7300)" "${opts[@]}" --json > out
"$LADDER" notify log --person p1 --status pending --json > pending.json
[[ $(json '[x["channel"] for x in d]' < pending.json) == "['digest', 'digest']" ]] \
  || fail "p1's e-mail is not held for the digest: $(cat pending.json)"
[[ $(json 'd[0]["due_at"]' < pending.json) == 2030-01-11T07:00:00.000Z ]] \
  || fail "the digest is not due at 07:00 the next day: $(cat pending.json)"
before=$(grep -c '^Message-ID: ' mail.log)
"$LADDER" notify deliver --once --at 2030-01-11T07:00:05.000Z "${opts[@]}" > out
sleep 0.5
[[ $(grep -c '^Message-ID: ' mail.log) == $((before + 1)) ]] || fail "the digest was not one message"
grep -q "^Subject: Ladder: 2 notifications today" mail.log || fail "no digest subject: $(tail -30 mail.log)"

# Marking read.
id=$("$LADDER" notify list ce --json | json 'd[0]["id"]')
"$LADDER" notify read ce "$id" | grep -q "marked 1 read" || fail "could not mark $id read"
if "$LADDER" notify read p1 "$id" 2> err; then fail "p1 marked ce's notification read"; fi
[[ $("$LADDER" notify list ce --unread --json | json 'len(d)') == 3 ]] || fail "unread count is wrong"
if "$LADDER" notify deliver --once --at yesterday 2> err; then fail "--at took 'yesterday'"; fi
grep -q -- "--at wants" err || fail "bad --at said: $(cat err)"

# `ladder serve` runs the same worker: what a step raises arrives without `notify deliver`.
"$LADDER" case move c2 peer_review --by lead >/dev/null
before=$(grep -c '^Message-ID: ' mail.log)
"$LADDER" --config settings.toml serve --listen 127.0.0.1:0 --notify-interval 1 2> serve.log &
pids+=($!)
for _ in $(seq 100); do
  (($(grep -c '^Message-ID: ' mail.log) > before)) && break
  sleep 0.1
done
grep -q "^Subject: Your vote is waiting on the review of Pam One" mail.log \
  || fail "the server's worker sent no vote request: $(cat serve.log)"
echo ok
