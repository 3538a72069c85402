#!/usr/bin/env bash
# Starts a local PostgreSQL server for the test suite and exports EVENTWIRE_TEST_PG_URL.
# Sourced by scripts/test.sh; also runnable on its own (then prints the export line).
# Idempotent: installs Debian's postgresql only when absent, creates a cluster only when
# none exists, starts it only when down, creates the role and database only when missing.
# Needs root (apt-get, and running commands as the postgres user).

_ew_pg_psql() {  # port, then psql arguments; runs as the postgres superuser
  local port="$1"
  shift
  (cd / && su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $*")
}

_ew_pg_main() {
  local db="${EVENTWIRE_TEST_PG_DB:-eventwire_test}"
  local user="${EVENTWIRE_TEST_PG_USER:-eventwire}"
  local password="${EVENTWIRE_TEST_PG_PASSWORD:-eventwire}"
  local port version

  if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    echo "start_postgres: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq postgresql >&2 || return 1
  fi

  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  local cluster status
  cluster="$(pg_lsclusters -h | awk -v v="$version" '$1 == v {print $2; exit}')"
  if [ -z "$cluster" ]; then
    cluster=main
    pg_createcluster "$version" "$cluster" >&2 || return 1
  fi
  port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $3; exit}')"
  status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $4; exit}')"
  if [ "${status%%,*}" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start >&2 || return 1
  fi
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h localhost -p "$port" && break
    sleep 1
  done
  pg_isready -q -h localhost -p "$port" || { echo "start_postgres: server not ready" >&2; return 1; }

  if [ "$(_ew_pg_psql "$port" "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"")" != "1" ]; then
    _ew_pg_psql "$port" "-c \"CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB\"" >&2 || return 1
  fi
  if [ "$(_ew_pg_psql "$port" "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != "1" ]; then
    _ew_pg_psql "$port" "-c \"CREATE DATABASE $db OWNER $user\"" >&2 || return 1
  fi
  export EVENTWIRE_TEST_PG_URL="postgresql+psycopg://$user:$password@localhost:$port/$db"
  echo "start_postgres: EVENTWIRE_TEST_PG_URL=$EVENTWIRE_TEST_PG_URL" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _ew_pg_main
  echo "export EVENTWIRE_TEST_PG_URL=$EVENTWIRE_TEST_PG_URL"
else
  _ew_pg_main || echo "start_postgres: PostgreSQL not available; its tests will be skipped" >&2
fi
unset -f _ew_pg_main _ew_pg_psql
