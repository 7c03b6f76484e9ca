#!/usr/bin/env bash
# Forms larger than the server takes are refused in the browser, keeping what was typed
# (tests/browser/form_limits.mjs), on a server started with small limits.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
source "$(dirname "$0")/browser_lib.sh"
export LADDER_DATABASE=sqlite:$tmp/ladder.db
cd "$tmp"
"$LADDER" load "$src/examples/engineering.yaml" --publish >/dev/null
echo "pw-admin-long" | "$LADDER" user add admin --role admin --password-stdin >/dev/null
size=$(wc -c < "$src/examples/engineering.yaml")
# The example fits; a few kilobytes more do not.
serve_ladder --quiet --max-body-bytes $((size * 3 + 4096)) --max-form-field-bytes $((size + 4096))
node "$src/tests/browser/form_limits.mjs" "http://127.0.0.1:$port/" admin pw-admin-long engineering
echo ok
