#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty volume (docker-entrypoint-initdb.d):
# creates the service's runtime role, a plain login role without any privileges of its own. The
# schema owner (POSTGRES_USER) migrates and grants it what it needs (README, Audit trail).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$RUNTIME_ROLE" -v password="$RUNTIME_PASSWORD" <<'SQL'
create role :"role" login password :'password' nosuperuser nocreatedb nocreaterole noinherit;
SQL
