#!/usr/bin/env bash
# The service's own added latency per turn (median of 100), start-up time and memory.
# Run by hand from anywhere; needs the local PostgreSQL (started and prepared here).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
ensure_database buergerassistent_bench

mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  at.leoben.assistant.bench.TurnLatencyBench "jdbc:postgresql://127.0.0.1:5432/buergerassistent_bench"
