#!/usr/bin/env bash
# Backs up the service's PostgreSQL database: pg_dump custom format, its SHA-256, and the row
# counts and audit chain head *of the same snapshot* (restore.sh compares them after a restore).
# Safe while the service runs.
#
#   deploy/backup.sh [--compose] [DIR]      # DIR default: deploy/backups
#
# Writes DIR/<database>-<UTC time>.dump, .dump.sha256 and .dump.counts. Copy them off the host
# (the city's backup system); they contain citizens' questions (redacted) and the audit trail.
# Connection: see deploy/pg-common.sh (local libpq variables, or --compose).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/pg-common.sh

mode=local
dir=deploy/backups
for arg in "$@"; do
  case "$arg" in
    --compose) mode=compose ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "Unknown option: $arg" >&2; exit 2 ;;
    *) dir="$arg" ;;
  esac
done
pg_mode_setup "$mode"

umask 077
mkdir -p "$dir"
chmod 700 "$dir"
name="$db-$(date -u +%Y%m%dT%H%M%SZ).dump"
out="$dir/$name"

# One read-only transaction exports its snapshot; pg_dump dumps exactly that snapshot and the counts
# are taken in it, so they match the dump even while citizens keep asking.
coproc SNAP { pg psql -X -q -A -t -v ON_ERROR_STOP=1 "${conn[@]}"; }
echo "begin transaction isolation level repeatable read read only; select pg_export_snapshot();" >&"${SNAP[1]}"
read -r snapshot <&"${SNAP[0]}"

pg pg_dump --format=custom --snapshot="$snapshot" "${conn[@]}" >"$out.part"

echo "$COUNTS_SQL" >&"${SNAP[1]}"
: >"$out.counts.part"
while read -r line <&"${SNAP[0]}"; do
  [[ "$line" == --end-- ]] && break
  echo "$line" >>"$out.counts.part"
done
echo "commit;" >&"${SNAP[1]}"
exec {SNAP[1]}>&-
wait "$SNAP_PID"

sort -o "$out.counts" "$out.counts.part" && rm "$out.counts.part"
mv "$out.part" "$out"
(cd "$dir" && sha256sum "$name" >"$name.sha256")

echo "Backup written: $out ($(du -h "$out" | cut -f1))"
echo "Audit chain head in it: $(grep '^audit_head|' "$out.counts" | cut -d'|' -f2) entries chained"
