#!/usr/bin/env bash
# Restores a backup of deploy/backup.sh into an EMPTY database and checks that it arrived whole.
#
#   deploy/restore.sh [--compose] DUMP
#
# 1. Stop the service first (docker compose ... stop buergerassistent): nothing may write meanwhile,
#    and the service must not create an empty schema before the restore (Flyway at start-up).
# 2. The target database must exist and be empty (a fresh PostgreSQL volume is; see README for
#    dropping and re-creating it). The audit table refuses UPDATE and DELETE, so a restore never
#    merges into existing data: it recreates the tables and loads every entry, chain fields included.
# 3. After it, start the service and verify the audit chain: GET /api/v1/admin/audit/verify must
#    answer "intact": true with the headSeq printed here.
# Connection: see deploy/pg-common.sh (local libpq variables, or --compose).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/pg-common.sh

mode=local
dump=""
for arg in "$@"; do
  case "$arg" in
    --compose) mode=compose ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "Unknown option: $arg" >&2; exit 2 ;;
    *) dump="$arg" ;;
  esac
done
[[ -f "$dump" ]] || { echo "Usage: deploy/restore.sh [--compose] DUMP (a file of deploy/backup.sh)" >&2; exit 2; }
pg_mode_setup "$mode"

if [[ -f "$dump.sha256" ]]; then
  (cd "$(dirname "$dump")" && sha256sum --quiet -c "$(basename "$dump").sha256") \
    || { echo "The dump does not match its SHA-256: not restored." >&2; exit 1; }
else
  echo "No $dump.sha256: the dump's integrity is not checked." >&2
fi

tables="$(pg psql -X -A -t -v ON_ERROR_STOP=1 "${conn[@]}" -c \
  "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")"
if [[ "$tables" != 0 ]]; then
  echo "Database $db is not empty ($tables tables): not restored. Stop the service, drop and re-create" >&2
  echo "the database (README, \"Backup and restore\"), then run this again." >&2
  exit 1
fi

echo "Restoring $dump into $db ..."
if [[ "$mode" == compose ]]; then
  # pg_restore wants a seekable file: copy the dump into the container for the restore.
  pg sh -c 'cat >/tmp/restore.dump' <"$dump"
  pg pg_restore --exit-on-error --single-transaction --no-owner --no-privileges "${conn[@]}" /tmp/restore.dump
  pg rm -f /tmp/restore.dump
else
  pg pg_restore --exit-on-error --single-transaction --no-owner --no-privileges "${conn[@]}" "$dump"
fi

if [[ -f "$dump.counts" ]]; then
  actual="$(echo "$COUNTS_SQL" | pg psql -X -q -A -t -v ON_ERROR_STOP=1 "${conn[@]}" | grep -v '^--end--$' | sort)"
  if ! diff <(echo "$actual") "$dump.counts" >/dev/null; then
    echo "Restored rows differ from the backup's counts:" >&2
    diff <(echo "$actual") "$dump.counts" >&2 || true
    exit 1
  fi
  echo "Rows per table and the audit chain head match the backup ($(wc -l <"$dump.counts") lines compared)."
fi
head_seq="$(echo "select seq from audit_head" | pg psql -X -q -A -t "${conn[@]}")"
echo "Restored. Start the service, then check the chain (as admin):"
echo "  curl -su admin https://<host>/api/v1/admin/audit/verify   # expect \"intact\": true, \"headSeq\": $head_seq"
