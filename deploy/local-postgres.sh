# Shared by .ci/run and deploy/run-local.sh: make sure the local PostgreSQL runs and holds a database.
# Source it, then call: ensure_postgres; ensure_database NAME

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

ensure_postgres() {
  if pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "Starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PGHOST" -p "$PGPORT" && return 0
    sleep 1
  done
  echo "PostgreSQL did not come up on $PGHOST:$PGPORT" >&2
  return 1
}

ensure_database() {
  local name="$1"
  if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    echo "Creating database $name" >&2
    createdb "$name"
  fi
}
