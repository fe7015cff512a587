#!/usr/bin/env bash
# One-shot "ollama-model" service of deploy/compose.yaml: makes sure the city's model exists in
# Ollama and prints the digest the Digital.Team approves (models/approved-models.yaml).
#   - model missing: pull the base model named in the Modelfile's FROM line, then create the model;
#   - model present: leave it alone (no pull, so a moved upstream tag cannot change it silently);
#   - FORCE_CREATE=1: pull and create again (a new digest then needs a new approval).
# Runs in the ollama/ollama image (its CLI talks to OLLAMA_HOST); needs only bash.
set -euo pipefail

model="${MODEL_NAME:?MODEL_NAME, e.g. leoben-assistent:1.0}"
modelfile="${MODELFILE:-/models/leoben-assistent.Modelfile}"
host="${OLLAMA_HOST:-http://ollama:11434}"

if [[ "${FORCE_CREATE:-0}" == 1 ]] || ! ollama show "$model" >/dev/null 2>&1; then
  base="$(awk 'toupper($1) == "FROM" { print $2; exit }' "$modelfile")"
  [[ -n "$base" ]] || { echo "No FROM line in $modelfile" >&2; exit 1; }
  echo "Pulling the base model $base (several GB at the first start) ..."
  ollama pull "$base"
  echo "Creating $model from $modelfile ..."
  ollama create "$model" -f "$modelfile"
else
  echo "$model is already in Ollama; not pulled again (FORCE_CREATE=1 re-creates it)."
fi

# The full digest as the service's model check sees it: GET /api/tags, entry "name", field "digest".
# The image has no curl, so plain HTTP over bash's /dev/tcp.
hostport="${host#*://}"
hostport="${hostport%%/*}"
exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}"
printf 'GET /api/tags HTTP/1.0\r\nHost: %s\r\n\r\n' "$hostport" >&3
tags="$(cat <&3)"
exec 3<&-
digest="$(grep -o "\"name\":\"${model//./\\.}\"[^}]*\"digest\":\"[0-9a-f]\{64\}\"" <<<"$tags" \
  | grep -o '[0-9a-f]\{64\}' | head -n 1 || true)"
[[ -n "$digest" ]] || { echo "Ollama does not list $model" >&2; exit 1; }

cat <<MSG

==> Model ready: $model
    digest: $digest
    To approve it, the Digital.Team adds this entry to models/approved-models.yaml
    (after an evaluation run; README, "Running on one host"):
      - name: $model
        digest: $digest
        base: ${base:-see $modelfile}
        modelfile: models/$(basename "$modelfile")
        purpose: ...
        approvedBy: ...
        approvedOn: $(date +%Y-%m-%d)
        notes: ...
    Until then the service answers with the city's texts and the human channels only.
MSG
