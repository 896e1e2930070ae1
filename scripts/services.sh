#!/usr/bin/env bash
# Sourced by test.sh: install (as root) and start the services the tests need: a throw-away
# PostgreSQL server on 127.0.0.1 and Debian's Chromium. Exports CHISO_TEST_POSTGRES_URL.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)  # report tests: pdftotext, pdftoppm
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "chiso: installing Debian packages: ${need[*]}" >&2
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "chiso: not root, cannot install ${need[*]}; their tests will be skipped (failed in CI)" >&2
  fi
fi

if [ -z "${CHISO_TEST_POSTGRES_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  PGBIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  PGPORT="${CHISO_TEST_PG_PORT:-54329}"
  PGDIR="$(mktemp -d /tmp/chiso-pg.XXXXXX)"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PGDIR"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres chiso_test
  export CHISO_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/chiso_test"
  chiso_stop_pg() { "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
  trap chiso_stop_pg EXIT
  echo "chiso: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2
fi
