#!/usr/bin/env bash
# Sourced by the bench scripts (from the repository root): builds the packaged service, installs it
# with its test support jar for the tools beside it, builds the benchmarks (tools/bench) and sets
# BENCH_CP, the benchmarks' classpath.
build_benchmarks() {
  mvn -B -ntp -q install -DskipTests
  mvn -B -ntp -q -f tools/pom.xml -pl bench package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
  bench_classpath
}

# The classpath of an earlier build (BENCH_SKIP_BUILD=1 in bench/load.sh).
bench_classpath() {
  BENCH_CP="tools/bench/target/classes:$(cat tools/bench/target/bench.classpath)"
}
