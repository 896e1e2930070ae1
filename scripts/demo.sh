#!/usr/bin/env bash
# The demo: set up, load frameworks, units and demo data, compute the index, serve the web app
# on http://127.0.0.1:8000. Extra arguments go to `chiso demo` (e.g. --no-serve, --data-dir DIR).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh" ""
cd "$ROOT"
exec chiso demo "$@"
