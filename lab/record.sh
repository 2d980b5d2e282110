#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
#
# Runs real workloads one after another and records a proc capture in AutoSA's capture format
# (docs/architecture.md, "Proc capture format"), labelled by phase:
#
#   OUT/meta.properties               interval_ms, cpus, kernel, start_epoch_ms (+ notes)
#   OUT/ticks/<12-digit ms>/          verbatim /proc/{stat,meminfo,vmstat,diskstats,loadavg,schedstat}
#   OUT/ticks/<12-digit ms>/pressure/ verbatim /proc/pressure/{cpu,io,memory}
#   OUT/phases.csv                    label,start_ms,end_ms (same clock as the tick names)
#   OUT/workload_cpu.csv              t_ms,busy_cpus,workload_cpus: how much of the busy CPU was ours
#                                     (cpuacct cgroup), to measure contamination by other processes
#
# Usage: lab/record.sh [-o OUT] [-d PHASE_SECONDS] [-w MAX_QUIET_WAIT_SECONDS] [-q PHASE_QUIET_WAIT] [-f] [PHASE...]
#   PHASE: idle cpu-bound io-bound memory-bound latency-sensitive mixed bursty (default: all, in order)
#   -f     do not wait for the machine to be quiet
#   -q S   also wait up to S seconds for quiet before each later phase (the capture goes on; the
#          gap between phases is left out of phases.csv), for a machine shared with builds
# Needs root (cgroups, direct I/O), stress-ng, fio and cyclictest.
set -euo pipefail

OUT=""
PHASE_S=100
MAX_WAIT_S=900
PHASE_WAIT_S=0
FORCE=0
while getopts "o:d:w:q:fh" opt; do
  case $opt in
    o) OUT=$OPTARG ;;
    d) PHASE_S=$OPTARG ;;
    w) MAX_WAIT_S=$OPTARG ;;
    q) PHASE_WAIT_S=$OPTARG ;;
    f) FORCE=1 ;;
    h) sed -n '3,20p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
PHASES=("$@")
[[ ${#PHASES[@]} -gt 0 ]] || PHASES=(idle cpu-bound io-bound memory-bound latency-sensitive mixed bursty)
[[ -n $OUT ]] || OUT="capture-$(date +%Y%m%d-%H%M%S)"
[[ $PHASE_S =~ ^[0-9]+$ ]] || { echo "phase seconds must be a whole number but was $PHASE_S" >&2; exit 2; }

for tool in stress-ng fio cyclictest; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y stress-ng fio rt-tests" >&2; exit 1; }
done
[[ -e $OUT ]] && { echo "$OUT already exists; pick a new output directory" >&2; exit 1; }

NCPU=$(nproc)
FIO_FILE=/var/tmp/autosa-lab-$$.fio
FIO_SIZE_MB=3072
CG_CPU=/sys/fs/cgroup/cpuacct/autosa-lab-$$
CG_MEM=""          # memory cgroup (v2 or v1) for the memory-bound phase, when one is writable
MEM_LIMIT_MB=512   # file-backed working set of 2 GiB squeezed into this: reclaim and refaults, PSI memory stalls
PGIDS=()
SAMPLER=""

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }

cleanup() {
  set +e
  for g in "${PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
  sleep 1
  for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
  [[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null && wait "$SAMPLER" 2>/dev/null
  rm -f "$FIO_FILE"
  rm -rf /var/tmp/tmp-stress-ng-* 2>/dev/null
  for cg in "$CG_CPU" "$CG_MEM"; do
    [[ -n $cg && -d $cg ]] || continue
    # Move stragglers out before removing the group.
    if [[ -f $cg/tasks ]]; then parent=$(dirname "$cg")/tasks; else parent=$(dirname "$cg")/cgroup.procs; fi
    while read -r p; do echo "$p" >"$parent" 2>/dev/null; done < <(cat "$cg/cgroup.procs" 2>/dev/null)
    rmdir "$cg" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

setup_cgroups() {
  mkdir -p "$CG_CPU" 2>/dev/null || CG_CPU=""
  if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    CG_MEM=/sys/fs/cgroup/autosa-lab-mem-$$
    echo +memory >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
    mkdir -p "$CG_MEM" && echo $((MEM_LIMIT_MB * 1024 * 1024)) >"$CG_MEM/memory.max" || CG_MEM=""
  elif [[ -d /sys/fs/cgroup/memory ]]; then
    CG_MEM=/sys/fs/cgroup/memory/autosa-lab-mem-$$
    mkdir -p "$CG_MEM" && echo $((MEM_LIMIT_MB * 1024 * 1024)) >"$CG_MEM/memory.limit_in_bytes" || CG_MEM=""
  fi
  [[ -n $CG_MEM ]] || log "no writable memory cgroup: the memory-bound phase runs without a limit"
}

# Runs "$@" as a new process group (inside the cpuacct cgroup, and the memory cgroup if MEMCG=1),
# remembering the group so the phase end and the EXIT trap can kill all of it.
spawn() {
  local memcg=""
  [[ ${MEMCG:-0} == 1 ]] && memcg=$CG_MEM
  setsid bash -c '
    [[ -n $1 ]] && echo $$ >"$1/cgroup.procs" 2>/dev/null
    [[ -n $2 ]] && echo $$ >"$2/cgroup.procs" 2>/dev/null
    shift 2; exec "$@"' spawn "$CG_CPU" "$memcg" "$@" >>"$OUT/workloads.log" 2>&1 &
  PGIDS+=($!)
}

stop_phase() {
  local g
  for g in "${PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  sleep 0.5
  for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
  for g in "${PGIDS[@]}"; do wait "$g" 2>/dev/null || true; done
  PGIDS=()
}

start_workload() {
  local label=$1 secs=$2
  echo "=== $label ($(date +%T))" >>"$OUT/workloads.log"
  case $label in
    idle) ;;
    cpu-bound) spawn stress-ng --cpu 0 --timeout "${secs}s" ;;
    io-bound)
      # Synchronous direct I/O from 4 jobs: the tasks really block on the disk (iowait, PSI io), as a
      # database or a backup does; libaio at a deep queue keeps the disk busy but hides the waiting.
      spawn fio --name=autosa-lab-io --filename="$FIO_FILE" --size=${FIO_SIZE_MB}M --direct=1 \
        --ioengine=psync --numjobs=4 --rw=randrw --bs=4k --time_based --runtime="$secs" --group_reporting ;;
    memory-bound)
      # Anonymous memory churn (mmap, touch, unmap: page faults, no swap here to absorb it) plus a
      # file-backed working set larger than its cgroup's limit, which the kernel must keep reclaiming.
      # (Without swap, anonymous memory over a cgroup limit is OOM-killed, not reclaimed: only the
      # file-backed part can make the kernel stall on memory.)
      spawn stress-ng --vm 1 --vm-bytes 2G --timeout "${secs}s"
      MEMCG=1 spawn stress-ng --mmap 2 --mmap-bytes 1G --mmap-file --temp-path /var/tmp --timeout "${secs}s" ;;
    latency-sensitive)
      # Many short wake-ups at moderate CPU: periodic timer threads plus a rate-limited context-switch ping-pong.
      spawn cyclictest -t 4 -i 500 -q -D "$secs"
      spawn stress-ng --switch 1 --switch-freq 10000 --timeout "${secs}s"
      spawn stress-ng --cpu 0 --cpu-load 25 --timeout "${secs}s" ;;
    mixed)
      spawn stress-ng --cpu 0 --cpu-load 70 --timeout "${secs}s"
      spawn fio --name=autosa-lab-mixed --filename="$FIO_FILE" --size=${FIO_SIZE_MB}M --direct=1 \
        --ioengine=psync --numjobs=2 --rw=randrw --bs=4k --time_based --runtime="$secs" --group_reporting ;;
    bursty)
      # 5 s of full CPU every 20 s: a good tuner must not chase these.
      spawn bash -c 'while :; do stress-ng --cpu 0 --timeout 5s -q; sleep 15; done' ;;
    *) echo "unknown phase $label" >&2; exit 2 ;;
  esac
}

cpu_busy_share() { # busy share of all CPUs over $1 seconds, in percent
  local a b
  read -r _ u n s i w q sq st _ </proc/stat; a=($((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st)))
  sleep "$1"
  read -r _ u n s i w q sq st _ </proc/stat; b=($((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st)))
  echo $((100 * (b[0] - a[0]) / (b[1] - a[1] + 1)))
}

wait_quiet() { # [max seconds]
  local waited=0 busy others max=${1:-$MAX_WAIT_S}
  while :; do
    busy=$(cpu_busy_share 5)
    others=$(ps -eo comm= | grep -cxE 'java|mvn|javac|cc1|cc1plus|gcc|rustc|cargo' || true)
    if [[ $busy -lt 15 && $others -eq 0 ]]; then
      log "machine quiet (cpu ${busy}%, no build processes) after ${waited}s"
      QUIET=true; return
    fi
    if [[ $waited -ge $max ]]; then
      log "machine never got quiet in ${max}s (cpu ${busy}%, ${others} build processes): recording anyway"
      QUIET=false; return
    fi
    log "waiting for quiet: cpu ${busy}%, ${others} build processes (java/mvn/cc1...), waited ${waited}s"
    sleep 10; waited=$((waited + 15))
  done
}

sampler() { # one tick per second on the capture's clock; names are the real elapsed ms
  local k=0 t d next
  exec 3>>"$OUT/workload_cpu.csv"
  while :; do
    t=$(($(now_ms) - START))
    d=$OUT/ticks/$(printf '%012d' "$t")
    mkdir -p "$d/pressure"
    cp /proc/stat /proc/meminfo /proc/vmstat /proc/diskstats /proc/loadavg "$d/"
    [[ -r /proc/schedstat ]] && cp /proc/schedstat "$d/"
    [[ -d /proc/pressure ]] && cp /proc/pressure/cpu /proc/pressure/io /proc/pressure/memory "$d/pressure/"
    if [[ -n $CG_CPU ]]; then
      read -r _ u n s i w q sq st _ <"$d/stat"
      echo "$t,$((u + n + s + q + sq + st)),$(cat "$CG_CPU/cpuacct.usage")" >&3
    fi
    k=$((k + 1))
    next=$((START + k * 1000 - $(now_ms)))
    ((next > 0)) && sleep "$(printf '%d.%03d' $((next / 1000)) $((next % 1000)))"
  done
}

mkdir -p "$OUT/ticks"
setup_cgroups
log "preparing the fio file ($FIO_SIZE_MB MiB in /var/tmp)"
df -h /var/tmp >&2
avail_mb=$(df -Pm /var/tmp | awk 'NR==2{print $4}')
((avail_mb > 3 * FIO_SIZE_MB)) || { echo "not enough space in /var/tmp: ${avail_mb} MiB free" >&2; exit 1; }
fio --name=autosa-lab-prep --filename="$FIO_FILE" --size=${FIO_SIZE_MB}M --rw=write --bs=1M --direct=1 \
  --ioengine=psync --end_fsync=1 >>"$OUT/workloads.log" 2>&1
QUIET=forced
[[ $FORCE == 1 ]] || wait_quiet
WAITED_NOTE=$(pgrep -a 'java|mvn' | cut -c1-200 | tr '\n' ';' || true)

[[ -n $CG_CPU ]] && echo "t_ms,busy_jiffies,workload_cpu_ns" >"$OUT/workload_cpu.csv"
START=$(now_ms)
cat >"$OUT/meta.properties" <<META
# AutoSA proc capture recorded by lab/record.sh
interval_ms=1000
cpus=$NCPU
kernel=$(uname -r)
start_epoch_ms=$START
hostname=$(hostname)
mem_total_kb=$(awk '/^MemTotal/{print $2}' /proc/meminfo)
phase_seconds=$PHASE_S
quiet_at_start=$QUIET
build_processes_at_start=${WAITED_NOTE//$'\n'/ }
user_hz=$(getconf CLK_TCK)
META
echo "label,start_ms,end_ms" >"$OUT/phases.csv"
sampler &
SAMPLER=$!

total=${#PHASES[@]}
i=0
for label in "${PHASES[@]}"; do
  i=$((i + 1))
  if [[ $i -gt 1 && $PHASE_WAIT_S -gt 0 ]]; then
    wait_quiet "$PHASE_WAIT_S"
    echo "quiet_before_${label}=$QUIET" >>"$OUT/meta.properties"
  fi
  s=$(($(now_ms) - START))
  log "phase $i/$total: $label for ${PHASE_S}s"
  start_workload "$label" "$((PHASE_S + 5))"
  for ((r = PHASE_S; r > 0; r -= 10)); do
    step=$((r < 10 ? r : 10))
    sleep "$step"
    printf '\r  %-18s %3ds left, load %s   ' "$label" $((r - step)) "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
  printf '\n' >&2
  # Stop by the phase clock, not by the workload's own timeout.
  e=$(($(now_ms) - START))
  stop_phase
  echo "$label,$s,$e" >>"$OUT/phases.csv"
done
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
log "done: $(ls "$OUT/ticks" | wc -l) ticks in $OUT"
