#!/usr/bin/env bash
# `ladder fmt`: exit codes 0/1/2, --check writes nothing, errors carry file:line:col, and bad
# input (invalid YAML, wrong types, unknown keys, empty file, invalid UTF-8, a 50 MB file)
# fails cleanly and leaves the file untouched.
set -euo pipefail

: "${LADDER:?path of the ladder binary}"
: "${LADDER_SOURCE_DIR:?source folder}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs ladder, capturing stdout, stderr and the exit status.
run() {
  set +e
  "$LADDER" "$@" >"$dir/out" 2>"$dir/err"
  status=$?
  set -e
}

expect_status() {
  [[ $status == "$1" ]] || fail "expected exit $1, got $status; stderr: $(cat "$dir/err")"
}

expect_err() {
  grep -qF -- "$1" "$dir/err" || fail "stderr lacks '$1': $(cat "$dir/err")"
}

# The examples are canonical.
run fmt --check "$LADDER_SOURCE_DIR"/examples/*.yaml
expect_status 0
[[ ! -s $dir/out ]] || fail "--check on canonical files printed: $(cat "$dir/out")"

# A hand-written file: --check lists it, exits 1 and writes nothing.
cat >"$dir/team.yaml" <<'EOF'
ladder: 1
framework: {id: team, name: Team, version: 2024.1}
competencies: [{id: delivery, name: Delivery}]
tracks:
  - {id: ic, kind: ic, levels: [{code: L1, expectations: {delivery: [Ships]}}, {code: L2, expectations: {delivery: [Ships more]}}]}
EOF
cp "$dir/team.yaml" "$dir/team.orig"
run fmt --check "$dir/team.yaml"
expect_status 1
grep -qF "would reformat $dir/team.yaml" "$dir/out" || fail "--check did not list the file"
cmp -s "$dir/team.yaml" "$dir/team.orig" || fail "--check modified the file"

# Without --check it rewrites the file, which is then canonical (fmt is idempotent).
run fmt "$dir/team.yaml"
expect_status 0
grep -qF "reformatted $dir/team.yaml" "$dir/out" || fail "fmt did not report the file"
grep -qx '  version: "2024.1"' "$dir/team.yaml" || fail "version not quoted: $(cat "$dir/team.yaml")"
grep -qx '        rank: 2' "$dir/team.yaml" || fail "rank not written"
cp "$dir/team.yaml" "$dir/team.once"
run fmt "$dir/team.yaml"
expect_status 0
cmp -s "$dir/team.yaml" "$dir/team.once" || fail "fmt is not idempotent"
run fmt --check "$dir/team.yaml"
expect_status 0

# --json reports each file.
run fmt --check --json "$dir/team.yaml" "$dir/team.orig"
expect_status 1
/usr/bin/python3 - "$dir/out" "$dir" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
d = sys.argv[2]
assert report == [{"file": f"{d}/team.yaml", "changed": False},
                  {"file": f"{d}/team.orig", "changed": True}], report
EOF

# Standard input to standard output.
run fmt - <"$dir/team.orig"
expect_status 0
cmp -s "$dir/out" "$dir/team.once" || fail "fmt - differs from fmt FILE"

# JSON files stay JSON, in canonical form.
printf '{"ladder":1,"framework":{"name":"Team","id":"team"},"roles":[{"title":"Data Engineer"}]}' \
  >"$dir/team.json"
run fmt --check "$dir/team.json"
expect_status 1
run fmt "$dir/team.json"
expect_status 0
/usr/bin/python3 - "$dir/team.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc["framework"]) == ["id", "name"], doc
assert doc["roles"] == [{"id": "data-engineer", "title": "Data Engineer"}], doc
EOF
run fmt --check "$dir/team.json"
expect_status 0
printf '{"ladder": 1, "framework": {"id": "x", "id": "y"}}' >"$dir/dup.json"
run fmt "$dir/dup.json"
expect_status 2
expect_err "ladder: $dir/dup.json:1:40: framework.id: duplicate key 'id' in framework"

# Bad input: exit 2, file:line:col, file untouched.
bad() {  # NAME EXPECTED-STDERR < CONTENT
  cat >"$dir/$1"
  cp "$dir/$1" "$dir/$1.orig"
  run fmt "$dir/$1"
  expect_status 2
  expect_err "ladder: $dir/$1:$2"
  cmp -s "$dir/$1" "$dir/$1.orig" || fail "$1 was modified"
}

printf 'ladder: 1\nframework: {id: x\n' | bad syntax.yaml "3:1: invalid YAML"
printf 'ladder: 1\nframework:\n  id: x\n  nmae: X\n' |
  bad unknown.yaml "4:3: framework: unknown key 'nmae' in framework; did you mean 'name'?"
printf 'ladder: 1\nframework: {id: x}\ntracks: [{id: a, levels: [{code: A, rank: two}]}]\n' |
  bad types.yaml "3:43: tracks.a.levels.A.rank: expected a whole number, got the value 'two'"
printf 'ladder: 1\nframework: {id: x, status: live}\n' |
  bad enum.yaml "2:28: framework.status: unknown value 'live' (allowed: draft, published)"
printf 'ladder: 1\nframework:\n  id: x\n  <<: {name: y}\n' |
  bad merge.yaml "4:3: framework: merge keys (\`<<\`) are not supported"
printf 'ladder: 1\nframework:\n  id: x\n  id: y\n' |
  bad duplicate-key.yaml "4:3: framework.id: duplicate key 'id' in framework"
printf 'ladder: 1\nframework: {id: x}\npolicy:\n  - text: Peer review\n' |
  bad no-rule.yaml "4:5: policy[0].rule: the requirement has no rule"
printf '' | bad empty.yaml "1:1: the document is empty"
printf 'ladder: 1\nframework:\n  id: x\n  name: caf\xe9\n' |
  bad utf8.yaml "4:12: invalid UTF-8 (byte 0xE9)"

# Broken references are lint's business: fmt formats the file anyway.
printf 'ladder: 1\nframework: {id: x}\ncompetencies: [{id: c}, {id: c}]\n' >"$dir/dup-id.yaml"
run fmt "$dir/dup-id.yaml"
expect_status 0
[[ $(grep -c -- '- id: c' "$dir/dup-id.yaml") == 2 ]] || fail "fmt lost a competency"

# Comments would be lost: refused unless --drop-comments.
printf 'ladder: 1\nframework:\n  id: x  # the id\n' | bad comment.yaml "3:10: comments would be lost"
run fmt --drop-comments "$dir/comment.yaml"
expect_status 0
grep -q '#' "$dir/comment.yaml" && fail "the comment is still there"

# A 50 MB file: a clear error, fast, and no crash.
/usr/bin/python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('ladder: 1\nframework: {id: big}\nnotes:\n')
    line = '  - markdown: ' + 'x' * 1009 + '\n'  # 1024 bytes
    for _ in range(50 * 1024): f.write(line)
" "$dir/big.yaml"
start=$(date +%s%N)
run fmt "$dir/big.yaml"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
expect_status 2
expect_err "ladder: $dir/big.yaml: the file is 50 MB, over the limit of 16 MB for a Ladder file"
((elapsed_ms < 2000)) || fail "rejecting a 50 MB file took ${elapsed_ms} ms"

# Several files: each bad one reported, the good ones still formatted, exit 2.
cp "$dir/team.orig" "$dir/again.yaml"
run fmt "$dir/again.yaml" "$dir/empty.yaml" "$dir/missing.yaml"
expect_status 2
expect_err "$dir/empty.yaml:1:1:"
expect_err "$dir/missing.yaml: cannot open the file"
cmp -s "$dir/again.yaml" "$dir/team.once" || fail "the good file was not formatted"

# Usage errors.
run fmt
expect_status 2
run fmt --help
expect_status 0
grep -q -- "--check" "$dir/out" || fail "--help does not mention --check"

echo "fmt: all checks passed"
