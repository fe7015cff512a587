#!/usr/bin/env bash
# Prompt tokens per turn over the golden set (p50/p95/max of first questions, their system message,
# the part a warm cache does not hold, follow-ups) and how often the golden answer's source document
# is among the passages. The packaged service against the Ollama stand-in, which records the prompts.
# Run by hand: bash bench/prompt-tokens.sh; writes target/prompt-tokens.md; fresh database
# buergerassistent_bench_prompt_tokens. BENCH_PROMPT_BUDGET_TOKENS runs with another passage budget;
# BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local-postgres.sh
ensure_postgres
DB=buergerassistent_bench_prompt_tokens
# A fresh database: only the starter knowledge, as in every run.
dropdb --if-exists "$DB"
ensure_database "$DB"

source bench/build.sh
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  build_benchmarks
else
  bench_classpath
fi
java -Dbench.promptBudgetTokens="${BENCH_PROMPT_BUDGET_TOKENS:-}" \
  -cp "$BENCH_CP" at.leoben.assistant.bench.PromptTokensBench "jdbc:postgresql://127.0.0.1:5432/$DB"
