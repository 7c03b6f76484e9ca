#!/usr/bin/env bash
# The review-process scenarios (tests/scenarios/*.txt) through the `ladder` binary, on SQLite
# and, when LADDER_TEST_POSTGRES names a server (scripts/with-postgres.sh sets it), on
# PostgreSQL. With CI=true a missing PostgreSQL server is a failure, not a skip.
set -euo pipefail
: "${LADDER:?set LADDER to the ladder binary}"
runner="$LADDER_SOURCE_DIR/tests/scenarios/run.py"
/usr/bin/python3 "$runner" --backend sqlite
if [[ -n ${LADDER_TEST_POSTGRES:-} ]]; then
  /usr/bin/python3 "$runner" --backend postgres
elif [[ ${CI:-} == true ]]; then
  echo "review_scenarios_test: CI=true but LADDER_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)" >&2
  exit 1
else
  echo "review_scenarios_test: PostgreSQL skipped (LADDER_TEST_POSTGRES not set)" >&2
fi
