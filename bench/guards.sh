#!/usr/bin/env bash
# Precision/recall of the guards per class on the labelled corpus, and screening cost per turn.
# Run by hand; needs no database or model.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
build_benchmarks
java -cp "$BENCH_CP" at.leoben.assistant.bench.GuardBench
