#!/usr/bin/env bash
# The packaged service under concurrent load, next to the Ollama stand-in measured directly in the
# same run: added latency and time to first token at 1/50/200 clients asking back to back, and at
# 50/200 citizens who read and type between questions, turns per second with audit
# writes, open streams with -Xmx512m, start-up and memory. Rate limits are switched off for the run
# (ASSISTANT_RATE_LIMIT_ENABLED=false: all load comes from one address).
# Run by hand: bash bench/load.sh [overhead|citizens|throughput|streams|all]; database buergerassistent_bench_h.
# Set BENCH_JFR=1 to record the throughput part with JFR into target/load-throughput.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
DB="${BENCH_DB:-buergerassistent_bench_h}"
ensure_database "$DB"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"

source bench/build.sh
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  build_benchmarks
else
  bench_classpath
fi
CP="$BENCH_CP"
# The stand-in holds one thread per open stream; the generator one connection per client. The
# stand-in's JDK server keeps at most 200 idle connections by default and closes the rest, which the
# service's pooled client then meets as an IOException at 200 clients: allow more.
BENCH_JAVA=(java -Xss256k -Dsun.net.httpserver.maxIdleConnections=5000 -cp "$CP")

part="${1:-all}"
if [[ "$part" == overhead || "$part" == all ]]; then
  "${BENCH_JAVA[@]}" at.leoben.assistant.bench.LoadBench "$URL" overhead
fi
if [[ "$part" == citizens || "$part" == all ]]; then
  "${BENCH_JAVA[@]}" at.leoben.assistant.bench.LoadBench "$URL" citizens
fi
if [[ "$part" == throughput || "$part" == all ]]; then
  opts=""
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    opts="-XX:StartFlightRecording=filename=target/load-throughput.jfr,settings=profile"
  fi
  "${BENCH_JAVA[@]}" "-Dbench.jvmOpts=$opts" at.leoben.assistant.bench.LoadBench "$URL" throughput
  # The ceiling: PostgreSQL storing the same rows per turn (one transaction, bench/turn-rows.sql),
  # in a copy of the schema so the service's audit chain never sees these rows.
  dropdb --if-exists "${DB}_pg"
  createdb "${DB}_pg"
  pg_dump -s "$DB" | psql -q -d "${DB}_pg" >/dev/null
  for clients in 2 16 64; do
    echo "[load] pgbench turn rows, $clients clients: $(pgbench -n -c "$clients" -j 2 -T 15 -f bench/turn-rows.sql "${DB}_pg" 2>&1 | grep -o 'tps = [0-9.]*' | head -1)"
  done
fi
if [[ "$part" == streams || "$part" == all ]]; then
  "${BENCH_JAVA[@]}" -Dbench.jvmOpts=-Xmx512m at.leoben.assistant.bench.LoadBench "$URL" streams "${BENCH_STREAMS:-2000}"
fi
