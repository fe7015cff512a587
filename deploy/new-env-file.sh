#!/usr/bin/env bash
# Creates deploy/buergerassistent.env from the committed template with fresh secrets: database
# passwords (schema owner and runtime role), audit signing key pair, staff session key, bootstrap admin password, rate-limit hash
# key, the key of the citizens' contact data in hand-over cases. Never overwrites an existing file. The values marked "city" in it are still to be set.
# Needs openssl. Usage: deploy/new-env-file.sh [TARGET]   (default deploy/buergerassistent.env)
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-deploy/buergerassistent.env}"
if [[ -e "$target" ]]; then
  echo "$target exists; not touched (delete it first to start over)." >&2
  exit 1
fi

random() {
  local chars
  chars="$(openssl rand -base64 120 | tr -dc 'A-Za-z0-9')"
  printf '%s' "${chars:0:$1}"
}

keyfile="$(mktemp)"
trap 'rm -f "$keyfile"' EXIT
openssl genpkey -algorithm ed25519 -outform DER -out "$keyfile" 2>/dev/null

export NEW_QUARKUS_DATASOURCE_PASSWORD="$(random 32)"
export NEW_QUARKUS_FLYWAY_PASSWORD="$(random 32)"
export NEW_ASSISTANT_AUDIT_SIGNING_KEY="$(base64 -w0 "$keyfile")"
export NEW_ASSISTANT_AUDIT_PUBLIC_KEY="$(openssl pkey -inform DER -in "$keyfile" -pubout -outform DER | base64 -w0)"
export NEW_QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$(random 32)"
export NEW_ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD="$(random 20)"
export NEW_ASSISTANT_RATE_LIMIT_HASH_KEY="$(random 48)"
export NEW_ASSISTANT_CASES_CONTACT_KEY="$(openssl rand -base64 32)"

umask 077
# A line "KEY=" or "# KEY=" of a generated key becomes "KEY=<value>"; everything else stays.
awk '{
  line = $0; sub(/^# /, "", line)
  split(line, kv, "=")
  if (line ~ /^[A-Z0-9_]+=$/ && ("NEW_" kv[1]) in ENVIRON) print kv[1] "=" ENVIRON["NEW_" kv[1]]
  else print $0
}' deploy/buergerassistent.env.example >"$target"

echo "Wrote $target (mode 600) with fresh secrets."
echo "Now set ASSISTANT_RESPONSIBLE_NAME/_ROLE/_CONTACT, BUERGERASSISTENT_IMAGE and the widget origins in it."
echo "The first admin is 'admin' with ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD from the file."
