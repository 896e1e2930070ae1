#!/usr/bin/env bash
# The whole test suite: set up the virtual environment, install (as root) and start PostgreSQL
# and Chromium, then run pytest. Extra arguments go to pytest (e.g. -k units, -x).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh" "test"
source "$ROOT/scripts/services.sh"
cd "$ROOT"
set +e
python -m pytest "$@"
status=$?
set -e
exit $status
