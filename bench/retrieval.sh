#!/usr/bin/env bash
# Retrieval latency (p50/p99) and recall@1/@3 of the evaluation set at 10,000 passages.
# Run by hand. Creates a fresh database, lets the packaged service migrate it and import the
# starter knowledge, then buries that knowledge among synthetic passages.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
dropdb --if-exists buergerassistent_retrieval
ensure_database buergerassistent_retrieval

source bench/build.sh
build_benchmarks

# Start the service once so Flyway migrates and the starter knowledge is imported.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/buergerassistent_retrieval \
QUARKUS_HTTP_PORT=18099 ASSISTANT_RESPONSIBLE_NAME=Bench ASSISTANT_RESPONSIBLE_ROLE=Bench \
ASSISTANT_RESPONSIBLE_CONTACT=bench@leoben.at ASSISTANT_LLM_BASE_URL=http://127.0.0.1:9 \
  java -jar target/quarkus-app/quarkus-run.jar > target/retrieval-bench-service.log 2>&1 &
service=$!
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:18099/q/health/ready > /dev/null && break
  sleep 0.5
done
kill "$service"; wait "$service" || true

java -cp "$BENCH_CP" at.leoben.assistant.bench.RetrievalBench "jdbc:postgresql://127.0.0.1:5432/buergerassistent_retrieval"
