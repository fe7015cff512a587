#!/usr/bin/env bash
# Audit chain: appends per second (one and two writers, the real append path), then verification
# and a JSON Lines export of 1,000,000 entries with the heap capped at 256 MB.
# Run by hand; uses its own database buergerassistent_auditbench (dropped and created here).
# BENCH_APPENDS (per writer, default 5000) and BENCH_ENTRIES (default 1000000) make a shorter run.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
dropdb --if-exists buergerassistent_auditbench
ensure_database buergerassistent_auditbench

# AuditBench runs inside the service: a @QuarkusTest in tools/bench whose application is the
# service's jar, installed here with the shared test support.
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -f tools/pom.xml -pl bench test -Dtest=AuditBench -Dsurefire.failIfNoSpecifiedTests=false \
  "-DargLine=-Xmx256m -Dbench.appends=${BENCH_APPENDS:-5000} -Dbench.entries=${BENCH_ENTRIES:-1000000} -D%test.quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/buergerassistent_auditbench" \
  | grep '\[bench\]'
