#!/usr/bin/env bash
# What a re-crawl of 1,000 unchanged pages costs: time, requests, bytes, and whether anything is
# indexed again. Run by hand. A fresh database, the packaged service, and a generated site on
# 127.0.0.1 (tools/bench RecrawlBench).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
dropdb --if-exists buergerassistent_recrawl
ensure_database buergerassistent_recrawl

source bench/build.sh
build_benchmarks
java -cp "$BENCH_CP" at.leoben.assistant.bench.RecrawlBench "jdbc:postgresql://127.0.0.1:5432/buergerassistent_recrawl"
