#!/usr/bin/env bash
# Install what tests/test_postgres.py needs; safe to run again (does nothing when present).
#   scripts/ci_postgres.sh [VENV]     (VENV defaults to .venv)
# - PostgreSQL server binaries (initdb, pg_ctl): `apt-get install -y postgresql`, only when
#   missing and only as root (otherwise prints what to run and exits 1).
# - psycopg 3 into VENV (pyproject's `postgres` extra).
# The tests start their own throwaway server; this script starts nothing.
set -euo pipefail

VENV="${1:-.venv}"
PY="$VENV/bin/python"
if [[ ! -x "$PY" ]]; then
  echo "error: no Python at $PY; give the virtualenv folder as the first argument" >&2
  exit 2
fi

have_pg() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
    || { command -v initdb >/dev/null && command -v pg_ctl >/dev/null; }
}

if have_pg; then
  echo "postgresql: already installed"
elif [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "postgresql: installing with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  have_pg || { echo "error: apt-get installed postgresql but initdb was not found" >&2; exit 1; }
else
  echo "error: PostgreSQL server binaries are missing; run as root: apt-get install -y postgresql" >&2
  exit 1
fi

if "$PY" -c 'import psycopg; raise SystemExit(tuple(int(x) for x in psycopg.__version__.split(".")[:2]) < (3, 1))' 2>/dev/null; then
  echo "psycopg: already installed ($("$PY" -c 'import psycopg; print(psycopg.__version__)'))"
else
  echo "psycopg: installing into $VENV"
  "$PY" -m pip install -q "psycopg[binary]>=3.1"
fi
