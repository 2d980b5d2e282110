#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
#
# Measures what the AutoSA daemon costs the machine it watches: CPU time per hour, resident memory
# and threads, next to an idle JVM started with the same flags (the price of "a JVM" alone).
#
#   benchmarks/daemon-overhead.sh [-m MINUTES] [-j "JVM FLAGS"] [-o OUT_DIR] [-- COMMAND...]
#   benchmarks/daemon-overhead.sh -e [-m MINUTES] [-o OUT_DIR] -- LAUNCHER ARGS...
#
#   -m MINUTES   how long to measure (default 10); both processes run side by side
#   -j FLAGS     JVM flags for both the daemon and the baseline (default: none, the JVM's defaults)
#   -o DIR       where to keep the logs and samples (default: a new directory under /tmp)
#   -e           COMMAND is an executable that ends in a JVM, e.g. the installed launcher:
#                  -e -- /usr/bin/autosa start --mode recommend --socket /tmp/a.sock
#                it runs as it is; the idle JVM gets the java binary, flags, class path and
#                MALLOC_ARENA_MAX the daemon's JVM really got (read from /proc/PID/cmdline, environ)
#   COMMAND      the daemon's command line after "java" and the -j flags, e.g.
#                  -- -jar autosa-examples/target/autosa.jar start --mode recommend --socket /tmp/a.sock
#                default: the embedded loop of benchmarks.jar (dev.autosa.benchmarks.OverheadMain),
#                AutoSA.builder().mode(RECOMMEND).build().start(), the loop the daemon runs;
#                "-- -cp benchmarks/target/benchmarks.jar dev.autosa.benchmarks.OverheadMain fixture"
#                runs the same loop on the shipped proc fixture (AutoSA's own cost, no kernel work).
#
# The first WARMUP_SECONDS (default 60) are left out of the CPU rate so JVM start-up and JIT
# compilation do not count as steady-state cost; the total including start-up is reported too.
set -euo pipefail

minutes=10
jvm_flags=""
out=""
executable=false
while getopts "m:j:o:eh" opt; do
  case "$opt" in
    m) minutes="$OPTARG" ;;
    j) jvm_flags="$OPTARG" ;;
    o) out="$OPTARG" ;;
    e) executable=true ;;
    h) sed -n '3,27p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [[ "${1:-}" == "--" ]]; then shift; fi

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "daemon-overhead: $jar not found; build it: mvn -B -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
out="${out:-$(mktemp -d /tmp/autosa-overhead.XXXXXX)}"
mkdir -p "$out"
# Run from a copy: a rebuild during the measurement must not pull the jar from under the JVMs.
cp "$jar" "$out/benchmarks.jar"
jar="$out/benchmarks.jar"
if [[ $# -gt 0 ]]; then
  daemon_cmd=("$@")
else
  daemon_cmd=(-cp "$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dautosa.overhead.warmupSeconds="${WARMUP_SECONDS:-60}" dev.autosa.benchmarks.OverheadMain)
fi
baseline_cmd=(-cp "$jar" dev.autosa.benchmarks.OverheadMain idle)
warmup="${WARMUP_SECONDS:-60}"
total=$((minutes * 60))
if (( total <= warmup )); then
  echo "daemon-overhead: $minutes minute(s) is not longer than the ${warmup}s warm-up" >&2
  exit 2
fi
hz="$(getconf CLK_TCK)"

if $executable; then
  "${daemon_cmd[@]}" >"$out/daemon.log" 2>&1 &
  daemon=$!
  sleep 2   # the launcher execs the JVM; then its command line is the JVM's
  mapfile -d '' argv <"/proc/$daemon/cmdline"
  java_bin=${argv[0]}
  flags=()
  cp=""
  for ((i = 1; i < ${#argv[@]}; i++)); do
    case "${argv[i]}" in
      -cp|-classpath|--class-path) cp=${argv[i + 1]}; break ;;
      -jar) cp=${argv[i + 1]}; break ;;
      *) flags+=("${argv[i]}") ;;
    esac
  done
  arena=$(tr '\0' '\n' <"/proc/$daemon/environ" | sed -n 's/^MALLOC_ARENA_MAX=//p')
  jvm_flags="${flags[*]}"
  # The daemon's class path first, so a class-data archive dumped for it maps in the idle JVM too.
  env ${arena:+MALLOC_ARENA_MAX=$arena} "$java_bin" "${flags[@]}" -cp "${cp:+$cp:}$jar" \
    dev.autosa.benchmarks.OverheadMain idle >"$out/baseline.log" 2>&1 &
  baseline=$!
else
  # shellcheck disable=SC2086 # the flags are meant to be split into words
  java $jvm_flags "${daemon_cmd[@]}" >"$out/daemon.log" 2>&1 &
  daemon=$!
  # shellcheck disable=SC2086
  java $jvm_flags "${baseline_cmd[@]}" >"$out/baseline.log" 2>&1 &
  baseline=$!
fi
trap 'kill "$daemon" "$baseline" 2>/dev/null || true' EXIT

# utime + stime in clock ticks: fields 14 and 15, counted after the ")" that ends the command name.
cpu_ticks() { local s; s="$(cat "/proc/$1/stat")"; s="${s##*) }"; set -- $s; echo $(( ${12} + ${13} )); }
status_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
alive() { kill -0 "$1" 2>/dev/null; }

printf 'elapsed_s\tdaemon_ticks\tdaemon_rss_kib\tdaemon_threads\tbase_ticks\tbase_rss_kib\tbase_threads\n' >"$out/samples.tsv"
start=$(date +%s)
max_rss_d=0; max_rss_b=0
d0=""; b0=""
for ((t = 0; t <= total; t += 10)); do
  sleep $(( t == 0 ? 0 : 10 ))
  for p in "$daemon" "$baseline"; do
    if ! alive "$p"; then
      echo "daemon-overhead: process $p exited early; see $out/*.log" >&2
      cat "$out/daemon.log" >&2
      exit 1
    fi
  done
  dt=$(cpu_ticks "$daemon"); bt=$(cpu_ticks "$baseline")
  dr=$(status_kib "$daemon" VmRSS); br=$(status_kib "$baseline" VmRSS)
  dth=$(status_kib "$daemon" Threads); bth=$(status_kib "$baseline" Threads)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$dt" "$dr" "$dth" "$bt" "$br" "$bth" >>"$out/samples.tsv"
  (( dr > max_rss_d )) && max_rss_d=$dr
  (( br > max_rss_b )) && max_rss_b=$br
  if [[ -z "$d0" && $t -ge $warmup ]]; then d0=$dt; b0=$bt; t0=$t; fi
done
elapsed=$(( $(date +%s) - start ))
da=$(status_kib "$daemon" RssAnon); df=$(status_kib "$daemon" RssFile)
ba=$(status_kib "$baseline" RssAnon); bf=$(status_kib "$baseline" RssFile)
kill -TERM "$daemon" "$baseline"
wait "$daemon" "$baseline" 2>/dev/null || true
trap - EXIT

steady=$((t - 10 - t0))
awk -v hz="$hz" -v steady="$steady" -v elapsed="$elapsed" \
    -v dt="$dt" -v bt="$bt" -v d0="$d0" -v b0="$b0" \
    -v dr="$dr" -v br="$br" -v mdr="$max_rss_d" -v mbr="$max_rss_b" -v dth="$dth" -v bth="$bth" \
    -v da="$da" -v df="$df" -v ba="$ba" -v bf="$bf" \
    -v flags="${jvm_flags:-(JVM defaults)}" 'BEGIN {
  dcpu = (dt - d0) / hz; bcpu = (bt - b0) / hz
  printf "jvm flags:            %s\n", flags
  printf "measured:             %d s (steady state: last %d s, after warm-up)\n", elapsed, steady
  printf "                      %-14s %-14s %-14s\n", "daemon", "idle JVM", "difference"
  printf "cpu s/hour (steady):  %-14.2f %-14.2f %-14.2f\n", dcpu * 3600 / steady, bcpu * 3600 / steady, (dcpu - bcpu) * 3600 / steady
  printf "%% of one core:        %-14.4f %-14.4f %-14.4f\n", dcpu * 100 / steady, bcpu * 100 / steady, (dcpu - bcpu) * 100 / steady
  printf "cpu s total (start):  %-14.2f %-14.2f\n", dt / hz, bt / hz
  printf "rss MiB (end):        %-14.1f %-14.1f %-14.1f\n", dr / 1024, br / 1024, (dr - br) / 1024
  printf "rss MiB (max):        %-14.1f %-14.1f\n", mdr / 1024, mbr / 1024
  printf "  anonymous (end):    %-14.1f %-14.1f %-14.1f\n", da / 1024, ba / 1024, (da - ba) / 1024
  printf "  file-backed (end):  %-14.1f %-14.1f %-14.1f\n", df / 1024, bf / 1024, (df - bf) / 1024
  printf "threads:              %-14d %-14d\n", dth, bth
}' | tee "$out/summary.txt"
grep '^overhead:' "$out/daemon.log" | tee -a "$out/summary.txt" || true
echo "samples and logs: $out"
