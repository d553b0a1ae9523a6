#!/usr/bin/env bash
# Runs the JMH benchmarks of one module (its src/jmh), from the project root.
#   ./bench.sh core CountBenchmark -p model=resnet50
#   ./bench.sh search EvaluatorBenchmark
#   ./bench.sh search ParetoBenchmark -wi 2 -i 3 -f 1
set -euo pipefail
cd "$(dirname "$0")"
module=${1:?usage: ./bench.sh MODULE [BENCHMARK] [JMH options]}
shift
mvn -B -q install -DskipTests
mvn -B -q -pl "$module" test-compile
mvn -B -q -pl "$module" exec:exec -Dexec.classpathScope=test -Dexec.executable=java -Dexec.workingdir="$PWD" \
  -Dexec.args="-cp %classpath org.openjdk.jmh.Main $*"
