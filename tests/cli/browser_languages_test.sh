#!/usr/bin/env bash
# A framework in two languages in Chromium (tests/browser/languages.mjs), on `ladder serve` with
# the examples and on the static site from file://: the language switcher of framework and level
# pages, their `lang`, and untranslated texts marked in the source language, at 1280 and 390 px.
# Screenshots go to build/test-artifacts/browser/languages-*.
set -euo pipefail
source "$(dirname "$0")/browser_lib.sh"

serve_ladder "$src"/examples/*.yaml
"$LADDER" render --out "$tmp/site" "$src"/examples/*.yaml 2>/dev/null

status=0
node "$src/tests/browser/languages.mjs" "http://127.0.0.1:$port/" languages-server "$artifacts" || status=1
node "$src/tests/browser/languages.mjs" "file://$tmp/site/" languages-static "$artifacts" || status=1
exit $status
