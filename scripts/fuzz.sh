#!/usr/bin/env bash
# Builds the libFuzzer targets (*_fuzz.cc) in build-fuzz/ and runs each for a while.
#   FUZZ_SECONDS   seconds per target (default 20)
#   FUZZ_TARGETS   space-separated target names (default: all)
#   FUZZ_BUILD_DIR build directory (default: build-fuzz)
#   FUZZ_JOBS      ninja -j (default 2)
# Each target starts from a corpus made of the seeds and the project's own fixtures (copied to
# a scratch directory: the repository is never written). A crash, a leak, a timeout (> 10 s on
# one input) or memory above 2 GB fails the run; the reproducer is kept in $FUZZ_BUILD_DIR/fuzz/
# and its path printed. Longer runs: docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-2}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g1" -DLADDER_FUZZ=ON >/dev/null
ninja -C "$build" -j"$jobs" fuzzers

# The fuzzers are the executables; their corpus folders (corpus-<target>) sit beside them.
targets=${FUZZ_TARGETS:-$(cd "$build/fuzz" && find . -maxdepth 1 -type f -perm -u+x -name '*_fuzz' -printf '%f\n' | sort)}
corpus_seed=$(mktemp -d)
trap 'rm -rf "$corpus_seed"' EXIT
if [[ -d ../shared/seeds ]]; then cp ../shared/seeds/* "$corpus_seed/" 2>/dev/null || true; fi
find tests/golden src/formats/testdata src/server/testdata -type f -size -256k -exec cp {} "$corpus_seed/" \; 2>/dev/null || true

status=0
for target in $targets; do
  corpus="$build/fuzz/corpus-$target"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s" >&2
  if ! (cd "$build/fuzz" && "./$target" "corpus-$target" "$corpus_seed" \
          -max_total_time="$seconds" -use_value_profile=1 -max_len=65536 -timeout=10 \
          -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="./$target-" \
          > "$target.log" 2>&1); then
    echo "fuzz: $target FAILED; log: $build/fuzz/$target.log" >&2
    tail -40 "$build/fuzz/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz/$target.log" \
      | sed "s/^/fuzz: $target /" >&2 || true
  fi
done
exit $status
