#!/usr/bin/env bash
# Sourced by demo.sh and test.sh: make .venv with chiso installed (and, for tests, its test
# extras). Idempotent and quick when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CHISO_VENV:-$ROOT/.venv}"
EXTRAS="${1:-}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "chiso: creating the virtual environment in $VENV" >&2
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-venv >/dev/null
      python3 -m venv "$VENV"
    else
      echo "chiso: python3 -m venv failed; install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi

# WeasyPrint (the PDF reports) lays text out with Debian's Pango and HarfBuzz; install them as
# root when missing. apt waits up to 10 minutes for a lock another process holds.
APT=(apt-get -o DPkg::Lock::Timeout=600)
deb=()
ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || deb+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || deb+=(libharfbuzz-subset0)
if [ ${#deb[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "chiso: installing Debian packages for PDF reports: ${deb[*]}" >&2
    "${APT[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${APT[@]}" install -y -qq --no-install-recommends "${deb[@]}" >/dev/null
  else
    echo "chiso: PDF reports need ${deb[*]} (sudo apt-get install ${deb[*]})" >&2
  fi
fi

stamp="$VENV/.chiso-installed${EXTRAS:+-$EXTRAS}"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  echo "chiso: installing Python packages${EXTRAS:+ ($EXTRAS)}" >&2
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e "$ROOT${EXTRAS:+[$EXTRAS]}"
  touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
