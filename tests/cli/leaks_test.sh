#!/usr/bin/env bash
# The leak check through the commands: `ladder lint --leaks` lists links that must not reach a
# public site (exit 1), the allow-list of the framework, --allow-link and LADDER_ALLOW_LINKS
# let them through, --internal-domain and LADDER_INTERNAL_DOMAINS add the organisation's
# domains; `ladder render` writes nothing while a leak is not allowed; a seed's internal links
# are found after import.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}" "${SEEDS:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FW="$LADDER_SOURCE_DIR/tests/cli/testdata/leaky/support.yaml"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE COMMAND...: stdout to $T/out, stderr to $T/err
  local want=$1 rc=0
  shift
  "$@" >"$T/out" 2>"$T/err" || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want; stderr: $(cat "$T/err")"
}
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "$1 has '$2': $(cat "$1")"; }
unset LADDER_ALLOW_LINKS LADDER_INTERNAL_DOMAINS

# Every kind the fixture holds, at its line, in document order.
expect_exit 1 "$LADDER" lint --leaks "$FW"
has "$T/out" "support.yaml:3:3: warning: leak-internal-host: framework.description: a link to wiki.corp"
has "$T/out" "leak-email: framework.description: the e-mail address support-leads@acme.example"
has "$T/out" "support.yaml:20:9: warning: leak-document-host: tracks.ic.levels.S1.attributes.job_description: a link to Google Docs"
has "$T/out" "leak-file-url: tracks.ic.levels.S1.expectations.tickets[0]: a Windows share path"
has "$T/out" "leak-private-address: tracks.ic.levels.S2.expectations.tickets[0]: a link to 192.168.10.5, a private (RFC 1918) address"
[[ $(grep -c "warning: leak-" "$T/out") == 5 ]] || fail "expected 5 leaks: $(cat "$T/out")"
has "$T/err" "0 error(s), 5 warning(s)"
# Plain lint does not run it (leaks are about publishing, not about the framework).
expect_exit 0 "$LADDER" lint "$FW"
hasnt "$T/out" "leak-"

# JSON: the findings with their codes.
expect_exit 1 "$LADDER" lint --leaks --json "$FW"
/usr/bin/python3 - "$T/out" <<'PYEOF'
import json, sys
findings = json.load(open(sys.argv[1]))
codes = [f["code"] for f in findings]
assert codes == ["leak-internal-host", "leak-email", "leak-document-host", "leak-file-url",
                 "leak-private-address"], codes
assert all(f["severity"] == "warning" for f in findings)
PYEOF

# Allowing them: the flag, the environment, the framework's own list.
expect_exit 1 "$LADDER" lint --leaks "$FW" --allow-link wiki.corp --allow-link docs.google.com
has "$T/out" "info: leak-internal-host: framework.description: a link to wiki.corp"
has "$T/out" "(allowed by 'wiki.corp')"
has "$T/out" "(allowed by 'docs.google.com')"
LADDER_ALLOW_LINKS="wiki.corp, support-leads@acme.example,docs.google.com,192.168.10.5" \
  expect_exit 1 "$LADDER" lint --leaks "$FW"
[[ $(grep -c "warning: leak-" "$T/out") == 1 ]] || fail "only the share path is left: $(cat "$T/out")"
has "$T/out" "warning: leak-file-url"
# The framework's own list; a share path is no host, so only removing it makes the file clean.
/usr/bin/python3 - "$FW" "$T/allowed.yaml" "$T/clean.yaml" <<'PYEOF'
import sys
text = open(sys.argv[1]).read().replace(
    '  version: "2025.2"\n',
    '  version: "2025.2"\n  allow_links: [wiki.corp, support-leads@acme.example, docs.google.com, '
    '192.168.10.5, fileserver]\n', 1)
assert "allow_links" in text
open(sys.argv[2], "w").write(text)
open(sys.argv[3], "w").write(text.replace("\\\\fileserver\\support\\runbooks", "the runbooks folder"))
PYEOF
expect_exit 1 "$LADDER" lint --leaks "$T/allowed.yaml"
[[ $(grep -c "warning: leak-" "$T/out") == 1 ]] || fail "only the share path is left: $(cat "$T/out")"
has "$T/out" "warning: leak-file-url"
expect_exit 0 "$LADDER" lint --leaks "$T/clean.yaml"
[[ $(grep -c "info: leak-" "$T/out") == 4 ]] || fail "4 allowed: $(cat "$T/out")"

# The organisation's own domains.
printf 'ladder: 1\nframework: {id: x}\nnotes: [{markdown: "See https://hr.acme-corp.example/x"}]\n' >"$T/domain.yaml"
expect_exit 0 "$LADDER" lint --leaks "$T/domain.yaml"
expect_exit 1 "$LADDER" lint --leaks --internal-domain acme-corp.example "$T/domain.yaml"
has "$T/out" "leak-internal-domain: notes[0].markdown: a link to hr.acme-corp.example, in acme-corp.example"
LADDER_INTERNAL_DOMAINS=other.example,acme-corp.example expect_exit 1 "$LADDER" lint --leaks "$T/domain.yaml"
has "$T/out" "leak-internal-domain"

# render: nothing written while a leak is not allowed, each one named.
expect_exit 1 "$LADDER" render --out "$T/site" "$FW"
[[ ! -e $T/site ]] || fail "render wrote a site with leaks"
has "$T/err" "support.yaml:20:9: tracks.ic.levels.S1.attributes.job_description: a link to Google Docs"
has "$T/err" "5 link(s) that must not reach a public site; nothing was written"
expect_exit 0 "$LADDER" render --out "$T/site" "$T/clean.yaml"
[[ -f $T/site/f/support/ic/s1/job-description.html ]] || fail "no job description page"
[[ -f $T/site/f/support/ic/s1/interview-guide.html ]] || fail "no interview guide page"

# A seed's internal links (an internal wiki, shared documents) are found after import.
"$LADDER" import "$SEEDS"/000_*.txt -o "$T/seed000.yaml" 2>/dev/null
expect_exit 1 "$LADDER" lint --leaks "$T/seed000.yaml"
has "$T/out" "leak-document-host"
has "$T/out" "app.tettra.co"
has "$T/out" "docs.google.com"
expect_exit 1 "$LADDER" render --out "$T/seed-site" "$T/seed000.yaml"
expect_exit 0 "$LADDER" render --out "$T/seed-site" "$T/seed000.yaml" \
  --allow-link app.tettra.co --allow-link docs.google.com
# The examples are clean.
expect_exit 0 "$LADDER" lint --leaks "$LADDER_SOURCE_DIR"/examples/*.yaml
echo "leaks: ok"
