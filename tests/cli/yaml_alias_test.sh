#!/usr/bin/env bash
# YAML aliases cannot blow up memory: a small file whose nested aliases stand for gigabytes
# ("billion laughs") is refused quickly, with bounded memory and an error naming file:line:col,
# by `ladder lint`, by `ladder import` (front matter of a progression page) and by POST
# /api/v1/lint of `ladder serve`, which goes on answering afterwards.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Bounds: far above what the refusal takes, far below what the expansion would (gigabytes).
# A sanitizer build keeps freed memory in quarantine and runs slower.
max_mb=300 max_seconds=10
if [[ -n ${ASAN_OPTIONS:-} ]]; then max_mb=900 max_seconds=60; fi

# A framework of 25 tracks x 30 levels x 100 behaviours, each behaviour the same 20 KB text,
# all through aliases: 22 KB of YAML standing for 1.5 GB of text.
/usr/bin/python3 - "$tmp" <<'PY'
import sys
out = sys.argv[1]
text = "grows " * 3400
behaviours = "[" + ", ".join(["*s"] * 99) + "]"
levels = ", ".join(["*l"] * 29)
tracks = ", ".join(["*t"] * 24)
with open(out + "/bomb.yaml", "w") as f:
    f.write("ladder: 1\nframework: {id: bomb, name: Bomb}\ncompetencies: [{id: c, name: C}]\n")
    f.write("notes: [{title: t, markdown: &s \"%s\"}]\n" % text)
    f.write("tracks:\n  - &t\n    id: t\n    name: T\n    levels:\n")
    f.write("      - &l {code: L, expectations: {c: [*s, %s]}}\n" % behaviours[1:-1])
    f.write("      - " + levels.replace(", ", "\n      - ") + "\n")
    f.write("  - " + tracks.replace(", ", "\n  - ") + "\n")
# The same shape in the front matter of a progression page.
with open(out + "/bomb.md", "w") as f:
    f.write("---\ntitle: Bomb\nlevels: 3\ntopics:\n")
    f.write("  - &t\n    name: t\n    title: T\n    content:\n")
    f.write("      - &l\n        level: 1\n        criteria: [&s \"%s\", %s]\n" % (text, ", ".join(["*s"] * 99)))
    f.write("      - " + levels.replace(", ", "\n      - ") + "\n")
    f.write("  - " + tracks.replace(", ", "\n  - ") + "\n")
    f.write("---\n")
PY
[[ $(wc -c < "$tmp/bomb.yaml") -lt 40000 ]] || fail "the bomb is not small"

# Runs a command; fails if it takes more than the bounds. Prints its peak RSS in MB.
bounded() {
  /usr/bin/python3 - "$max_seconds" "$@" <<'PY'
import resource, subprocess, sys, time
limit = float(sys.argv[1])
start = time.monotonic()
try:
    p = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=limit)
except subprocess.TimeoutExpired:
    sys.exit("took more than %s s" % limit)
open("/dev/stderr", "w").write(p.stderr.decode(errors="replace"))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(p.returncode, peak)
PY
}

read -r rc peak < <(bounded "$LADDER" lint "$tmp/bomb.yaml" 2> "$tmp/err") || fail "lint: $(cat "$tmp/err")"
[[ $rc == 2 ]] || fail "lint of the bomb exited $rc: $(head -c 500 "$tmp/err")"
(( peak < max_mb )) || fail "lint of the bomb peaked at $peak MB"
grep -qE "bomb.yaml:[0-9]+:[0-9]+: .*(aliases included)" "$tmp/err" || fail "lint said: $(head -c 500 "$tmp/err")"

read -r rc peak < <(bounded "$LADDER" import "$tmp/bomb.md" --from monzo-yaml 2> "$tmp/err") || fail "import: $(cat "$tmp/err")"
[[ $rc == 2 ]] || fail "import of the bomb exited $rc: $(head -c 500 "$tmp/err")"
(( peak < max_mb )) || fail "import of the bomb peaked at $peak MB"
grep -qE "bomb.md:[0-9]+:[0-9]+: .*(aliases included)" "$tmp/err" || fail "import said: $(head -c 500 "$tmp/err")"

# Aliases nested past the depth limit, each level small.
/usr/bin/python3 - "$tmp/deep.yaml" <<'PY'
import sys
lines = ["ladder: 1", "framework: {id: deep}", "a0: &a0 [x]"]
for i in range(1, 70):
    lines.append("a%d: &a%d [x, *a%d]" % (i, i, i - 1))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
read -r rc peak < <(bounded "$LADDER" lint "$tmp/deep.yaml" 2> "$tmp/err") || fail "deep: $(cat "$tmp/err")"
[[ $rc == 2 ]] && grep -qE "deep.yaml:[0-9]+:[0-9]+: .*nested too deeply" "$tmp/err" || fail "deep: $rc $(head -c 500 "$tmp/err")"

# Over HTTP: POST /api/v1/lint with an author's token.
export LADDER_DATABASE=sqlite:$tmp/ladder.db
echo "an author pass phrase" | "$LADDER" user add author --role people_team --password-stdin >/dev/null
token=$("$LADDER" user token author --name lint 2>/dev/null)
"$LADDER" serve --listen 127.0.0.1:0 --quiet 2> "$tmp/log" &
server=$!
for _ in $(seq 600); do grep -q "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || fail "server did not start: $(cat "$tmp/log")"
base=http://127.0.0.1:$port
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -m "$max_seconds" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/yaml' --data-binary @"$tmp/bomb.yaml" "$base/api/v1/lint") || fail "lint request did not finish"
[[ $code == 422 ]] || fail "/api/v1/lint of the bomb gave $code: $(head -c 500 "$tmp/body")"
grep -q "aliases included" "$tmp/body" || fail "/api/v1/lint said: $(head -c 500 "$tmp/body")"
grep -qE ":[0-9]+:[0-9]+" "$tmp/body" || fail "/api/v1/lint does not say where: $(head -c 500 "$tmp/body")"
hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$server/status")
(( hwm < max_mb )) || fail "the server peaked at $hwm MB"
[[ $(curl -s "$base/healthz") == ok ]] || fail "the server stopped answering"
echo ok
