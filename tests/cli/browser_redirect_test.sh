#!/usr/bin/env bash
# No open redirect, in Chromium (tests/browser/redirect.mjs): a signed-in user opening
# /login?next=/%09/evil.example (and other disguises of another site) stays on the site.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
echo "pw-ada-long-enough" | "$LADDER" user add ada --role admin --password-stdin >/dev/null
serve_ladder --quiet
node "$src/tests/browser/redirect.mjs" "http://127.0.0.1:$port/" ada pw-ada-long-enough
echo ok
