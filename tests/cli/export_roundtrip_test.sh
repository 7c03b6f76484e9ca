#!/usr/bin/env bash
# `ladder export --to md` then `ladder import` of the export gives back the framework exported:
# every example, and every seed as `ladder import` reads it (requirements typed). Prose that
# ends with a line break reads back without it (the export writes paragraphs); nothing else
# may differ. An edited export reads with its edit; a broken one is an error with its line.
set -euo pipefail
: "${LADDER:?}" "${SEEDS:?}" "${LADDER_SOURCE_DIR:?}"
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

same() {  # same FRAMEWORK.yaml BACK.yaml
  $PY - "$1" "$2" <<'PY' || fail "$2 differs from $1"
import sys, yaml
def norm(x):
    if isinstance(x, dict): return {k: norm(v) for k, v in x.items()}
    if isinstance(x, list): return [norm(v) for v in x]
    if isinstance(x, str): return x.rstrip("\n")
    return x
a, b = (norm(yaml.safe_load(open(p))) for p in sys.argv[1:3])
# The Markdown layout holds one language: translations are exported one language at a time
# (`export --lang`), so the source language and the translations are not read back.
for doc in (a, b):
    doc.pop("translations", None)
    doc["framework"].pop("language", None)
if a != b:
    for key in a:
        if a.get(key) != b.get(key): print("differs:", key, file=sys.stderr)
    sys.exit(1)
PY
}

for example in "$LADDER_SOURCE_DIR"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  "$LADDER" export "$example" --to yaml -o "$T/$name.yaml"
  "$LADDER" export "$example" --to md -o "$T/$name.md"
  # Nothing of the export is left out: exit status 0.
  "$LADDER" import "$T/$name.md" -o "$T/$name.back.yaml" || fail "$name: export does not import"
  same "$T/$name.yaml" "$T/$name.back.yaml"
done

for seed in "$SEEDS"/*; do
  name=$(basename "$seed")
  "$LADDER" import "$seed" -o "$T/$name.yaml" 2>/dev/null || [[ $? == 1 ]]
  "$LADDER" export "$T/$name.yaml" --to md -o "$T/$name.md"
  "$LADDER" import "$T/$name.md" -o "$T/$name.back.yaml" || fail "$name: export does not import"
  same "$T/$name.yaml" "$T/$name.back.yaml"
done

# The provenance kept is the exported framework's own, not the export file's; every word of
# the export's content is imported.
"$LADDER" import "$T/001_b6990077e2d3ae4f.txt.md" --report --json -o "$T/x.yaml" > "$T/report.json"
$PY - "$T/001_b6990077e2d3ae4f.txt.yaml" "$T/x.yaml" "$T/report.json" <<'PY'
import json, sys, yaml
a, b = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
assert a["framework"]["source"] == b["framework"]["source"], (a["framework"], b["framework"])
assert b["framework"]["source"]["format"] == "levels-table", b["framework"]["source"]
r = json.load(open(sys.argv[3]))
assert r["not_imported_words"] == 0 and r["imported_words"] > 1000, r
PY

# An edit reads back; a broken layout is an error naming its line, and nothing is written.
sed 's/^Rank 2\.$/Second rank./' "$T/engineering.md" > "$T/broken.md"
if "$LADDER" import "$T/broken.md" -o "$T/broken.yaml" 2> "$T/err"; then fail "broken export imported"; fi
grep -q "broken.md:[0-9]*:.*Rank N" "$T/err" || fail "error without its line: $(cat "$T/err")"
[[ ! -e "$T/broken.yaml" ]] || fail "a failed import wrote its output"
echo ok
