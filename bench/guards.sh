#!/usr/bin/env bash
# Without arguments: the two halves of the latest evaluation set, eval-af.yaml (writer AF, tuned on)
# and eval-am.yaml (writer AM, held out: run once on the final code, never tuned on); issue 16's
# first halves eval-f.yaml and eval-g.yaml run the same way with their paths.
# --corpus: precision/recall of the guards per class on the labelled guard corpus, and screening
# cost per turn.
# With evaluation-set files (issue 16's YAML format): per file the rates of issue 16's table for the
# deterministic layer as the turn runs it (sensitive handed over, crisis, person, misuse refused,
# small talk, ordinary wrongly handed over, ...), then the safety net's cost per turn (p50/p99).
#   bench/guards.sh src/test/resources/understanding/tuning.yaml /path/to/heldout.yaml
# Add --misses before the files to list what was got wrong (only for halves you tune on).
# With files, it then prints the retrieval rates of the same files (follow-ups from the right
# document, not-covered answered "nothing found", covered from the expected document) from
# RelevanceTest against the test database (PostgreSQL, as .ci/run). Run by hand; needs no model.
set -euo pipefail
cd "$(dirname "$0")/.."
if (( $# == 0 )); then
  set -- src/test/resources/understanding/eval-af.yaml src/test/resources/understanding/eval-am.yaml
elif [[ "$1" == --corpus ]]; then
  shift
fi
args=()
for arg in "$@"; do
  if [[ "$arg" == --* ]]; then args+=("$arg"); else args+=("$(realpath "$arg")"); fi
done
source bench/build.sh
build_benchmarks
java -cp "$BENCH_CP" at.leoben.assistant.bench.GuardBench "${args[@]}"

files=()
for arg in "${args[@]}"; do
  if [[ "$arg" != --* ]]; then files+=("$arg"); fi
done
if (( ${#files[@]} > 0 )); then
  source deploy/local-postgres.sh
  ensure_postgres
  ensure_database buergerassistent_test
  echo
  mvn -B -ntp -q test -Dtest=RelevanceTest -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.http.test-port=0 \
    -Drelevance.files="$(IFS=,; echo "${files[*]}")" | grep '^\[measure\] retrieval' | sed 's/^\[measure\] //'
fi
