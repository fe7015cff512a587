# Shared by deploy/backup.sh and deploy/restore.sh: how to reach the database.
# Local mode: PostgreSQL client tools on this host, libpq variables PGHOST (127.0.0.1), PGPORT
# (5432), PGUSER (postgres), PGPASSWORD, PGDATABASE (buergerassistent).
# Compose mode (--compose): the tools inside the postgres container of deploy/compose.yaml, user and
# database "buergerassistent"; COMPOSE_CMD overrides how compose is called.

pg_mode_setup() {
  if [[ "$1" == compose ]]; then
    read -r -a compose_cmd <<<"${COMPOSE_CMD:-docker compose --env-file deploy/buergerassistent.env -f deploy/compose.yaml}"
    db="${PGDATABASE_IN_COMPOSE:-buergerassistent}"
    conn=(-U buergerassistent -d "$db")
    pg() { "${compose_cmd[@]}" exec -T postgres "$@"; }
  else
    export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
    db="${PGDATABASE:-buergerassistent}"
    conn=(-d "$db")
    pg() { "$@"; }
  fi
}

# Rows per table and the audit chain's head, one "name|value" line each, sorted. Reads SQL from a
# session whose stdin/stdout are given (so the backup can count inside the dump's snapshot).
COUNTS_SQL="select format('select %L || ''|'' || count(*) from %I.%I', table_schema || '.' || table_name, table_schema, table_name)
  from information_schema.tables
 where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'
 order by 1 \\gexec
select 'audit_head|' || seq || '|' || hash from audit_head;
select '--end--';"
