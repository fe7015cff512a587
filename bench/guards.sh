#!/usr/bin/env bash
# Precision/recall of the guards per class on the labelled corpus, and screening cost per turn.
# Run by hand; needs no database or model.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" at.leoben.assistant.guard.GuardBench
