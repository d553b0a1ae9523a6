#!/usr/bin/env bash
# Runs the JMH benchmarks of core (src/jmh). Extra arguments go to JMH, e.g. ./bench.sh CountBenchmark -p model=resnet50
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -pl core -am install -DskipTests
mvn -B -q -pl core test-compile
mvn -B -q -pl core exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-cp %classpath org.openjdk.jmh.Main ${*:-CountBenchmark}"
