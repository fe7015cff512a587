#!/usr/bin/env bash
# When the crowd comes: Poisson arrivals of streaming citizens at 0.5x, 1x, 2x and 4x the model
# host's capacity (the Ollama stand-in with N parallel slots and a time per token), then 0.5x again
# right after the burst. Reports answered share, goodput, first-event and AI-text p50/p99, fallbacks
# by reason, errors and the circuit breaker. Rate limits are off for the run (one address).
# Run by hand: bash bench/crowd.sh; database buergerassistent_bench_crowd.
# BENCH_SECONDS (per load, default 60), BENCH_PARALLEL (default 2), BENCH_WORD_MS (default 25),
# BENCH_MAX_QUEUE_WAIT (default 8s); BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
DB="${BENCH_DB:-buergerassistent_bench_crowd}"
ensure_database "$DB"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"

source bench/build.sh
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  build_benchmarks
else
  bench_classpath
fi
echo "[crowd] machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xss256k -Dsun.net.httpserver.maxIdleConnections=5000 \
  -Dbench.seconds="${BENCH_SECONDS:-60}" -Dbench.parallel="${BENCH_PARALLEL:-2}" \
  -Dbench.wordMillis="${BENCH_WORD_MS:-25}" -Dbench.maxQueueWait="${BENCH_MAX_QUEUE_WAIT:-8s}" \
  -cp "$BENCH_CP" at.leoben.assistant.bench.CrowdBench "$URL"
