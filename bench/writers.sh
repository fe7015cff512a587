#!/usr/bin/env bash
# Leave one writer out: for each named corpus file (default: the spent evaluation sets H to O, each
# by its own independent writer), the safety net is trained without it and scored on it, then the
# rates are summed. Measures the classifier and the decision rules on writers they never read
# (the vocabulary stays whole). Each fold trains once (about a minute), cached after.
#   bash bench/writers.sh [--misses] [eval-h.yaml ...]
set -euo pipefail
cd "$(dirname "$0")/.."
misses=()
if [[ "${1:-}" == --misses ]]; then misses=(--misses); shift; fi
if (( $# == 0 )); then
  set -- eval-h.yaml eval-i.yaml eval-j.yaml eval-k.yaml eval-l.yaml eval-m.yaml eval-n.yaml eval-o.yaml
fi
source bench/build.sh
build_benchmarks
java -Xmx4g -cp "$BENCH_CP" at.leoben.assistant.bench.WriterBench "${misses[@]}" "$@"
