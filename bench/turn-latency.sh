#!/usr/bin/env bash
# The service's own added latency per turn (median of 100), start-up time and memory.
# Run by hand from anywhere; needs the local PostgreSQL (started and prepared here).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
ensure_database buergerassistent_bench

source bench/build.sh
build_benchmarks
java -cp "$BENCH_CP" at.leoben.assistant.bench.TurnLatencyBench "jdbc:postgresql://127.0.0.1:5432/buergerassistent_bench"
