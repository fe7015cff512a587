#!/usr/bin/env bash
# Without arguments: precision/recall of the guards per class on the labelled guard corpus, and
# screening cost per turn.
# With evaluation-set files (issue 16's YAML format): per file the rates of issue 16's table for the
# deterministic layer as the turn runs it (sensitive handed over, crisis, person, misuse refused,
# small talk, ordinary wrongly handed over, ...), then the safety net's cost per turn (p50/p99).
#   bench/guards.sh src/test/resources/understanding/tuning.yaml /path/to/heldout.yaml
# Add --misses before the files to list what was got wrong (only for halves you tune on).
# Run by hand; needs no database or model.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
for arg in "$@"; do
  if [[ "$arg" == --* ]]; then args+=("$arg"); else args+=("$(realpath "$arg")"); fi
done
source bench/build.sh
build_benchmarks
java -cp "$BENCH_CP" at.leoben.assistant.bench.GuardBench "${args[@]}"
