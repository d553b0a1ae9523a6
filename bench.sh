#!/usr/bin/env bash
# Runs the JMH benchmarks of one module (its src/jmh), from the project root. Builds within the reactor
# (nothing is installed into ~/.m2) and runs JMH on the module's test class path.
#   ./bench.sh core CountBenchmark -p model=resnet50
#   ./bench.sh search EvaluatorBenchmark
#   ./bench.sh search ExactSolverBenchmark -wi 2 -i 3 -f 1
set -euo pipefail
cd "$(dirname "$0")"
module=${1:?usage: ./bench.sh MODULE [BENCHMARK] [JMH options]}
shift
mvn -B -q -pl "$module" -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  org.openjdk.jmh.Main "$@"
