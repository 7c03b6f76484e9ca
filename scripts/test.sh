#!/usr/bin/env bash
# Builds Ladder and runs the whole test suite: unit tests, command tests, the storage contract on
# SQLite and on a throwaway PostgreSQL server, and the browser tests in Chromium.
#   scripts/test.sh                 release build in build/
#   scripts/test.sh --sanitize      ASan + UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --sanitize ]]; then
  export LADDER_BUILD_DIR=build-asan LADDER_BUILD_TYPE=Debug LADDER_CMAKE_ARGS=-DLADDER_SANITIZE=ON
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
fi
build_dir=${LADDER_BUILD_DIR:-build}
bash scripts/setup.sh
# The PostgreSQL suites fail rather than skip when CI=true and no server is given.
exec bash scripts/with-postgres.sh ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600
