#!/usr/bin/env bash
# Starts the service on this machine: local PostgreSQL, packaged jar, prod profile.
# Without a reachable Ollama it answers with the human channels (fallbacks).
# Every contract variable may be set beforehand to override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=local-postgres.sh
source deploy/local-postgres.sh
ensure_postgres
ensure_database buergerassistent

if [[ ! -f target/quarkus-app/quarkus-run.jar || -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]]; then
  mvn -B -ntp -q package -DskipTests
fi

export ASSISTANT_LLM_BASE_URL="${ASSISTANT_LLM_BASE_URL:-http://127.0.0.1:11434}"
export ASSISTANT_LLM_MODEL="${ASSISTANT_LLM_MODEL:-leoben-assistent:1.0}"
export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/buergerassistent}"
export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-postgres}"
export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-}"
export QUARKUS_HTTP_PORT="${QUARKUS_HTTP_PORT:-8080}"
# A local trial run still names a responsible human; production sets the real one.
export ASSISTANT_RESPONSIBLE_NAME="${ASSISTANT_RESPONSIBLE_NAME:-Lokaler Testbetrieb (nicht produktiv)}"
export ASSISTANT_RESPONSIBLE_ROLE="${ASSISTANT_RESPONSIBLE_ROLE:-Digital.Team der Stadt Leoben}"
export ASSISTANT_RESPONSIBLE_CONTACT="${ASSISTANT_RESPONSIBLE_CONTACT:-digital@leoben.at}"

# Readable log lines on a terminal; production keeps the JSON log.
export QUARKUS_LOG_CONSOLE_JSON_ENABLED="${QUARKUS_LOG_CONSOLE_JSON_ENABLED:-false}"

exec java -jar target/quarkus-app/quarkus-run.jar
