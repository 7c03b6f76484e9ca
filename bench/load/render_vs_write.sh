#!/usr/bin/env bash
# Rendering benchmark: `ladder render` of a corpus of 1,050 level pages (150 job families x 7
# levels, bench/load/make_corpus.py) against merely writing the same files (the rendered bytes,
# held in memory, written into a fresh directory). Target: rendering <= 1.5x writing.
#   bench/load/render_vs_write.sh [LADDER_BINARY] [FAMILIES] [LEVELS] [RUNS]
# Each measurement writes into a fresh directory; the median of RUNS is reported.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ladder=${1:-$here/../../build/ladder}
families=${2:-150}
levels=${3:-7}
runs=${4:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/make_corpus.py" "$tmp/corpus" "$families" "$levels" >&2
"$ladder" render --out "$tmp/reference" "$tmp/corpus" 2>/dev/null  # warm caches, reference bytes

render_times=()
for r in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$ladder" render --out "$tmp/render.$r" "$tmp/corpus" 2>/dev/null
  end=$(date +%s.%N)
  render_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
  diff -rq "$tmp/reference" "$tmp/render.$r" >/dev/null || { echo "renders differ" >&2; exit 2; }
done

# Writing the same files: every file read into memory first, then timed while written out.
write_times=$(/usr/bin/python3 - "$tmp/reference" "$tmp" "$runs" <<'PY'
import os, sys, time
src, tmp, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = []
for root, _, names in os.walk(src):
    for n in sorted(names):
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            files.append((os.path.relpath(p, src), f.read()))
files.sort()
out = []
for r in range(runs):
    dest = os.path.join(tmp, f'write.{r}')
    start = time.perf_counter()
    made = set()
    for rel, data in files:
        d = os.path.dirname(os.path.join(dest, rel))
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        with open(os.path.join(dest, rel), 'wb') as f:
            f.write(data)
    out.append(f'{time.perf_counter() - start:.3f}')
print(' '.join(out))
PY
)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
render_s=$(median "${render_times[@]}")
# shellcheck disable=SC2086
write_s=$(median $write_times)
count=$(find "$tmp/reference" -type f | wc -l)
size=$(du -sb "$tmp/reference" | cut -f1)
ratio=$(awk -v a="$render_s" -v b="$write_s" 'BEGIN {printf "%.2f", a / b}')
echo "corpus: $families frameworks x $levels levels; $count files, $size bytes"
echo "ladder render (read YAML, build, render, write): ${render_s}s  (runs: ${render_times[*]})"
echo "writing the same files:                          ${write_s}s  (runs: $write_times)"
echo "ratio: ${ratio}x (target <= 1.5x)"
awk -v r="$ratio" 'BEGIN {exit !(r <= 1.5)}'
