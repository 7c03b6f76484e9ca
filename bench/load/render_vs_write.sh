#!/usr/bin/env bash
# Rendering benchmark: `ladder render` of a corpus of 1,050 level pages (150 job families x 7
# levels, bench/load/make_corpus.py) against merely writing the same files (the rendered bytes,
# held in memory, written by one thread into a fresh directory). Target: rendering <= 1.5x
# writing.
#   bench/load/render_vs_write.sh [LADDER_BINARY] [FAMILIES] [LEVELS] [RUNS] [JOBS]
# JOBS is passed to `ladder render --jobs` (0, the default: one thread per core).
# Runs alternate (render, write, render, write, ...) after a `sync`, each into a fresh directory,
# so that both see the same state of the page cache and of the file system (creating files
# right after many were deleted is several times slower on ext4); the medians are reported.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ladder=${1:-$here/../../build/ladder}
families=${2:-150}
levels=${3:-7}
runs=${4:-5}
jobs=${5:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/make_corpus.py" "$tmp/corpus" "$families" "$levels" >&2
"$ladder" render --out "$tmp/reference" --jobs "$jobs" "$tmp/corpus" 2>/dev/null  # warm caches

/usr/bin/python3 - "$ladder" "$tmp" "$runs" "$jobs" <<'PY'
import os, resource, statistics, subprocess, sys, time
ladder, tmp, runs, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
src = os.path.join(tmp, 'reference')
files = []
for root, _, names in os.walk(src):
    for n in sorted(names):
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            files.append((os.path.relpath(p, src), f.read()))
files.sort()
size = sum(len(b) for _, b in files)

def same(a, b):
    out = subprocess.run(['diff', '-rq', a, b], stdout=subprocess.DEVNULL)
    return out.returncode == 0

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

render, write, render_cpu, write_cpu = [], [], [], []
for r in range(runs):
    os.sync()
    dest = os.path.join(tmp, f'render.{r}')
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([ladder, 'render', '--out', dest, '--jobs', jobs, os.path.join(tmp, 'corpus')],
                   check=True, stderr=subprocess.DEVNULL)
    render.append(time.perf_counter() - start)
    render_cpu.append(children_cpu() - cpu)
    if not same(src, dest):
        sys.exit('renders differ')
    os.sync()
    dest = os.path.join(tmp, f'write.{r}')
    start, cpu = time.perf_counter(), time.process_time()
    made = set()
    for rel, data in files:
        d = os.path.dirname(os.path.join(dest, rel))
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        with open(os.path.join(dest, rel), 'wb') as f:
            f.write(data)
    write.append(time.perf_counter() - start)
    write_cpu.append(time.process_time() - cpu)

rs, ws = statistics.median(render), statistics.median(write)
fmt = lambda xs: ' '.join(f'{x:.3f}' for x in xs)
print(f'corpus: {len(files)} files, {size} bytes; ladder render --jobs {jobs}; {runs} runs')
print(f'ladder render (read YAML, build, render, write): {rs:.3f}s  (runs: {fmt(render)})')
print(f'writing the same files (one thread):             {ws:.3f}s  (runs: {fmt(write)})')
print(f'ratio: {rs / ws:.2f}x (target <= 1.5x)')
# CPU time (user + system, all threads) depends less on what else the machine runs.
rc, wc = statistics.median(render_cpu), statistics.median(write_cpu)
print(f'CPU time: ladder render {rc:.3f}s, writing {wc:.3f}s, ratio {rc / wc:.2f}x')
sys.exit(0 if rs / ws <= 1.5 else 1)
PY
