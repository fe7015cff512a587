#!/usr/bin/env bash
# The evaluator against a running service (README, "Evaluating a model (pilot)"), e.g.
#   EVALUATE_STAFF_PASSWORD=... bash tools/evaluation/evaluate.sh --url http://127.0.0.1:8080 --staff-user admin
# Installs the service's test support (the evaluator reads the event stream with it), builds the
# evaluator and runs it with the given options (without any, it lists them). Relative paths in the
# options are taken from the directory it is called from.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$root" && mvn -B -ntp -q install -DskipTests)
mvn -B -ntp -q -f "$root/tools/pom.xml" -pl evaluation package -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/evaluate.classpath
exec java -cp "$root/tools/evaluation/target/classes:$(cat "$root/tools/evaluation/target/evaluate.classpath")" \
  at.leoben.assistant.evaluation.Evaluate "$@"
