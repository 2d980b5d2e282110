#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
#
# Builds the scorer (benchmarks module, package dev.autosa.lab) and scores a capture.
#
#   lab/score.sh CAPTURE [--phases CSV] [--settle S] [--window S] [--min-confidence X] [--json-lines FILE] [--all-ticks]
#   lab/score.sh --metrics CAPTURE     per-phase statistics of every metric key (threshold evidence)
#   lab/score.sh --summary CAPTURE...  one per-capture, per-phase table and the combined confusion matrix
#
# CAPTURE: a directory written by lab/record.sh, or a .tar.gz of one (e.g. lab/captures/*.tar.gz).
# --json-lines FILE scores the output of `autosa replay DIR --json` instead of replaying here;
# --all-ticks also scores ticks that other processes disturbed (see workload_cpu.csv).
set -euo pipefail
cmd=score
if [[ ${1:-} == --metrics ]]; then cmd=metrics; shift; fi
if [[ ${1:-} == --summary ]]; then
  shift
  caps=()
  for a in "$@"; do caps+=("$(realpath "$a")"); done
  set -- "${caps[0]}" "${caps[@]:1}"
  cmd=summary
fi
[[ $# -ge 1 ]] || { sed -n '3,11p' "$0"; exit 2; }
capture=$(realpath "$1"); shift
args=()
for a in "$@"; do [[ -e $a ]] && args+=("$(realpath "$a")") || args+=("$a"); done
cd "$(dirname "$0")/.."

mvn -B -q -o -Dstyle.color=never -pl benchmarks -am package -DskipTests >&2
repo=${M2_REPO:-$HOME/.m2/repository}
jar() { # group artifact version
  local f="$repo/${1//.//}/$2/$3/$2-$3.jar"
  [[ -f $f ]] || { echo "missing $f: run mvn -B -pl benchmarks -am package once online" >&2; exit 1; }
  printf '%s' "$f"
}
ver() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
cp="autosa-api/target/classes:autosa-core/target/classes:autosa-proc-linux/target/classes:benchmarks/target/classes"
cp="$cp:$(jar org.jspecify jspecify "$(ver jspecify.version)"):$(jar org.slf4j slf4j-api "$(ver slf4j.version)")"
simple="$repo/org/slf4j/slf4j-simple/$(ver slf4j.version)/slf4j-simple-$(ver slf4j.version).jar"
[[ -f $simple ]] && cp="$cp:$simple"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.autosa.lab.LabMain "$cmd" "$capture" "${args[@]}"
