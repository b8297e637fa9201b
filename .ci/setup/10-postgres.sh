#!/usr/bin/env bash
# Installs (if needed) and starts PostgreSQL 15, then creates the role and database the EF Core store tests use.
# Sourced by .ci/run under `set -euo pipefail`; also runnable on its own (as root). Idempotent.
# Exports MFA_TEST_POSTGRES for the test projects.

mfa_pg_version=15
mfa_pg_cluster=main

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x "/usr/lib/postgresql/${mfa_pg_version}/bin/postgres" ]; then
  echo "installing PostgreSQL ${mfa_pg_version}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y postgresql
fi

if [ ! -d "/etc/postgresql/${mfa_pg_version}/${mfa_pg_cluster}" ]; then
  pg_createcluster "${mfa_pg_version}" "${mfa_pg_cluster}"
fi

if ! pg_ctlcluster "${mfa_pg_version}" "${mfa_pg_cluster}" status >/dev/null 2>&1; then
  pg_ctlcluster "${mfa_pg_version}" "${mfa_pg_cluster}" start
fi

# Wait until the server accepts connections (bounded: 30 s).
for _ in $(seq 1 60); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432"; then
    break
  fi
  sleep 0.5
done
su postgres -c "pg_isready -h 127.0.0.1 -p 5432"

if [ "$(su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'mfa'\"")" != "1" ]; then
  su postgres -c "psql -v ON_ERROR_STOP=1 -c \"CREATE ROLE mfa LOGIN PASSWORD 'mfa' CREATEDB\""
fi

if [ "$(su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'mfa_tests'\"")" != "1" ]; then
  su postgres -c "psql -v ON_ERROR_STOP=1 -c \"CREATE DATABASE mfa_tests OWNER mfa\""
fi

export MFA_TEST_POSTGRES="${MFA_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=mfa;Password=mfa;Database=mfa_tests}"
echo "PostgreSQL ${mfa_pg_version} ready: MFA_TEST_POSTGRES=${MFA_TEST_POSTGRES/Password=*;/Password=***;}"
