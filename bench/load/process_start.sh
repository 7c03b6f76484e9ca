#!/usr/bin/env bash
# Process start: the CPU `ladder --version` takes (perf stat, RUNS runs each), as built, and
# with the libraries it loads only on demand (libpq with SOCI's PostgreSQL backend, libcurl)
# preloaded, which is what every start cost while they were linked. Alternating rounds; both
# run through env(1), so that they differ only in the preload.
#   bash bench/load/process_start.sh [BUILD_DIR] [RUNS] [ROUNDS]
set -euo pipefail
build=${1:-build}
runs=${2:-200}
rounds=${3:-3}
ladder=$build/ladder
command -v perf > /dev/null || { echo "process_start: perf is needed (linux-perf)" >&2; exit 2; }
preload="libpq.so.5 libcurl.so.4 libsoci_postgresql.so.4.0"
clock() {  # the mean task-clock in ms of `ladder --version`
  perf stat -r "$runs" -x, -e task-clock "$@" "$ladder" --version 2>&1 > /dev/null |
    awk -F, '/task-clock/ { printf "%.2f", $1 }'
}
echo "libraries linked: $(ldd "$ladder" | wc -l)"
for round in $(seq "$rounds"); do
  now=$(clock env)
  before=$(clock env LD_PRELOAD="$preload")
  echo "round $round: ladder --version ${now} ms of CPU; with libpq and libcurl loaded at start ${before} ms"
done
