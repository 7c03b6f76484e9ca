#!/usr/bin/env bash
# docs/openapi.yaml is a valid OpenAPI document (checked by a real validator from npm), and a
# broken one is refused; that it describes exactly the routes is server/openapi_test.cc.
set -euo pipefail
: "${LADDER_SOURCE_DIR:?}"
src=$LADDER_SOURCE_DIR
[[ -d $src/node_modules/@seriousme/openapi-schema-validator ]] ||
  { echo "FAIL: run npm ci (scripts/setup.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
node tests/openapi/validate.mjs docs/openapi.yaml
# The validator is not a rubber stamp.
sed 's/^openapi: 3.1.0/openapi: 3.1.0\nsurprise: yes/; s/        "401": {\$ref: "#\/components\/responses\/Problem"}/        "401": {$ref: "#\/components\/responses\/Nowhere"}/' \
  docs/openapi.yaml > "$tmp/broken.yaml"
if node tests/openapi/validate.mjs "$tmp/broken.yaml" 2>"$tmp/err"; then
  echo "FAIL: a broken document was accepted" >&2
  exit 1
fi
echo ok
