#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
#
# Runs real workloads one after another and records a proc capture in AutoSA's capture format
# (docs/architecture.md, "Proc capture format"), labelled by phase:
#
#   OUT/meta.properties               interval_ms, cpus, kernel, start_epoch_ms (+ notes)
#   OUT/ticks/<12-digit ms>/          verbatim /proc/{stat,meminfo,vmstat,diskstats,loadavg,schedstat}
#   OUT/ticks/<12-digit ms>/pressure/ verbatim /proc/pressure/{cpu,io,memory}
#   OUT/phases.csv                    label,start_ms,end_ms,name (same clock as the tick names; label is
#                                     the workload class the phase should be classified as, name the phase)
#   OUT/workload_cpu.csv              t_ms,busy_cpus,workload_cpus: how much of the busy CPU was ours
#                                     (cpuacct cgroup), to measure contamination by other processes
#
# Usage: lab/record.sh [-o OUT] [-d PHASE_SECONDS] [-w MAX_QUIET_WAIT_SECONDS] [-q PHASE_QUIET_WAIT] [-t DIR] [-r PCT] [-f] [-i] [PHASE...]
#   PHASE: stress-ng/fio phases idle cpu-bound io-bound memory-bound latency-sensitive mixed bursty
#          (the default, in order), and real applications: compress (cpu-bound, one xz thread),
#          build (cpu-bound, make -j of a Debian source package), pgbench (latency-sensitive,
#          PostgreSQL at a fixed rate), nginx (latency-sensitive, httperf at a fixed rate), jvm
#          (latency-sensitive, a small JDK HTTP service at a fixed rate), fsync-copy (io-bound,
#          copying a file with a sync per write)
#   -f     do not wait for the machine to be quiet
#   -q S   also wait up to S seconds for quiet before each later phase (the capture goes on; the
#          gap between phases is left out of phases.csv), for a machine shared with builds
#   -t DIR scratch directory for the fio/copy files and the mmap working set (default /var/tmp;
#          in the sched_ext guest /var/tmp is a tmpfs: pass a directory on a real file system)
#   -r PCT request rates of pgbench, nginx and jvm in percent of the defaults (250, 500 and 250 per
#          CPU per second; default 100; an emulated guest needs less)
#   -i     install what the phases need (apt-get) and exit
# Needs root (cgroups, direct I/O). Tools: stress-ng, fio, cyclictest, xz, make/gcc, PostgreSQL,
# nginx, httperf, java; -i installs them (Debian).
set -euo pipefail

OUT=""
PHASE_S=100
MAX_WAIT_S=900
PHASE_WAIT_S=0
FORCE=0
SCRATCH=/var/tmp
INSTALL=0
RATE_PCT=100
while getopts "o:d:w:q:t:r:fih" opt; do
  case $opt in
    o) OUT=$OPTARG ;;
    d) PHASE_S=$OPTARG ;;
    w) MAX_WAIT_S=$OPTARG ;;
    q) PHASE_WAIT_S=$OPTARG ;;
    f) FORCE=1 ;;
    t) SCRATCH=$OPTARG ;;
    r) RATE_PCT=$OPTARG ;;
    i) INSTALL=1 ;;
    h) sed -n '3,31p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
PHASES=("$@")
[[ ${#PHASES[@]} -gt 0 ]] || PHASES=(idle cpu-bound io-bound memory-bound latency-sensitive mixed bursty)
[[ -n $OUT ]] || OUT="capture-$(date +%Y%m%d-%H%M%S)"
[[ $PHASE_S =~ ^[0-9]+$ ]] || { echo "phase seconds must be a whole number but was $PHASE_S" >&2; exit 2; }

export LC_ALL=C   # EPOCHREALTIME with a '.' decimal point

# Debian packages of the tools, and the source package the build phase compiles.
PACKAGES=(stress-ng fio rt-tests xz-utils make gcc postgresql postgresql-contrib nginx-light httperf bash-builtins dpkg-dev)
BUILD_SOURCE=libzstd
LAB_SRC=/var/cache/autosa-lab   # readable in the sched_ext guest too (its /var/tmp is a tmpfs)

install_tools() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"
  if [[ ! -d $LAB_SRC/src ]]; then
    # apt-get source needs deb-src entries: add the first deb URI's suite as deb-src when there are none.
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      local uri suite
      uri=$(grep -rhm1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
      suite=$(grep -rhm1 '^Suites:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
      [[ -n $uri && -n $suite ]] || { echo "no deb-src entry and no deb822 source to derive one from" >&2; exit 1; }
      printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$uri" "$suite" >/etc/apt/sources.list.d/autosa-lab-src.sources
      apt-get update -qq
    fi
    mkdir -p "$LAB_SRC" && (cd "$LAB_SRC" && apt-get source -qq --download-only "$BUILD_SOURCE" &&
      dpkg-source -x ./*.dsc src >/dev/null)
  fi
}
if [[ $INSTALL == 1 ]]; then install_tools; exit 0; fi

for tool in stress-ng fio cyclictest xz make gcc pgbench nginx httperf java; do
  command -v "$tool" >/dev/null || { echo "$tool not found: run lab/record.sh -i (apt-get install ${PACKAGES[*]})" >&2; exit 1; }
done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $PG_BIN/initdb ]] || { echo "PostgreSQL server not found under /usr/lib/postgresql: run lab/record.sh -i" >&2; exit 1; }
[[ " ${PHASES[*]} " != *" build "* || -d $LAB_SRC/src ]] || { echo "no source package in $LAB_SRC/src for the build phase: run lab/record.sh -i" >&2; exit 1; }
[[ -d $SCRATCH ]] || { echo "scratch directory $SCRATCH does not exist" >&2; exit 1; }
[[ -e $OUT ]] && { echo "$OUT already exists; pick a new output directory" >&2; exit 1; }

NCPU=$(nproc)
FIO_FILE=$SCRATCH/autosa-lab-$$.fio
WORK=$SCRATCH/autosa-lab-work-$$   # PostgreSQL cluster, nginx config, build tree, copy target
PG_PORT=54329
HTTP_PORT=18089
FIO_SIZE_MB=3072
LAB_DIR=$(cd "$(dirname "$0")" && pwd -P)
MEM_LIMIT_MB=512   # file-backed working set of 2 GiB squeezed into this: reclaim and refaults, PSI memory stalls
PGIDS=()
SAMPLER=""

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

cleanup() {
  set +e
  for g in "${PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
  sleep 1
  for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
  [[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null && wait "$SAMPLER" 2>/dev/null
  rm -f "$FIO_FILE"
  rm -rf "$WORK" "$SCRATCH"/tmp-stress-ng-* 2>/dev/null
  local cg parent p
  for cg in "${CGROUPS[@]}"; do   # deepest first
    [[ -d $cg ]] || continue
    # Move stragglers out before removing the group.
    if [[ -f $cg/tasks ]]; then parent=$(dirname "$cg")/tasks; else parent=/sys/fs/cgroup/cgroup.procs; fi
    while read -r p; do echo "$p" >"$parent" 2>/dev/null; done < <(cat "$cg/cgroup.procs" 2>/dev/null)
    rmdir "$cg" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CGROUPS=()      # created cgroups, deepest first
JOIN=()         # cgroup.procs files every workload joins
JOIN_MEM=()     # ... and those the memory-limited workloads join instead
ACCT=""         # cpuacct.usage (ns, v1) or cpu.stat (usage_usec, v2) of all workloads
setup_cgroups() {
  local limit=$((MEM_LIMIT_MB * 1024 * 1024)) root
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    # v2, one hierarchy: a parent for accounting with two leaves, one of them memory-limited.
    root=/sys/fs/cgroup/autosa-lab-$$
    echo +memory >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
    mkdir -p "$root/work" "$root/mem" && CGROUPS=("$root/work" "$root/mem" "$root") || return 0
    ACCT=$root/cpu.stat
    JOIN=("$root/work/cgroup.procs")
    JOIN_MEM=("$root/work/cgroup.procs")
    if echo +memory >"$root/cgroup.subtree_control" 2>/dev/null && echo $limit >"$root/mem/memory.max"; then
      JOIN_MEM=("$root/mem/cgroup.procs")
    fi
  else
    local cpu=/sys/fs/cgroup/cpuacct/autosa-lab-$$ mem=/sys/fs/cgroup/memory/autosa-lab-mem-$$
    if mkdir -p "$cpu" 2>/dev/null; then CGROUPS+=("$cpu"); ACCT=$cpu/cpuacct.usage; JOIN=("$cpu/cgroup.procs"); fi
    JOIN_MEM=("${JOIN[@]}")
    if [[ -d ${mem%/*} ]] && mkdir -p "$mem" && echo $limit >"$mem/memory.limit_in_bytes"; then
      CGROUPS+=("$mem"); JOIN_MEM+=("$mem/cgroup.procs")
    fi
  fi
  [[ "${JOIN_MEM[*]}" != "${JOIN[*]}" ]] ||
    log "no writable memory cgroup: the memory-bound phase runs without a limit"
}

# CPU time used by the lab's workloads so far, in ns, into WORKLOAD_NS (no fork: called every tick).
workload_ns() {
  local k v
  WORKLOAD_NS=0
  [[ -n $ACCT ]] || return 0
  if [[ $ACCT == */cpu.stat ]]; then
    while read -r k v; do [[ $k == usage_usec ]] && WORKLOAD_NS=$((v * 1000)) && break; done <"$ACCT"
  else
    read -r WORKLOAD_NS <"$ACCT"
  fi
}

# Runs "$@" as a new process group (inside the accounting cgroup, and the memory cgroup if MEMCG=1),
# remembering the group so the phase end and the EXIT trap can kill all of it.
spawn() {
  local join=("${JOIN[@]}")
  [[ ${MEMCG:-0} == 1 ]] && join=("${JOIN_MEM[@]}")
  setsid bash -c '
    for f in $1; do echo $$ >"$f" 2>/dev/null; done
    shift; exec "$@"' spawn "${join[*]}" "$@" >>"$OUT/workloads.log" 2>&1 &
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

# The class each phase is labelled with in phases.csv (what a right classifier says).
label_of() {
  case $1 in
    compress | build) echo cpu-bound ;;
    pgbench | nginx | jvm) echo latency-sensitive ;;
    fsync-copy) echo io-bound ;;
    idle | cpu-bound | io-bound | memory-bound | latency-sensitive | mixed | bursty) echo "$1" ;;
    *) echo "unknown phase $1" >&2; return 2 ;;
  esac
}

# One-time preparation of the real applications, before the capture starts (so its cost is not recorded).
prepare() {
  local name
  mkdir -p "$WORK"
  for name in "${PHASES[@]}"; do
    case $name in
      compress) head -c 300M /dev/urandom | base64 >"$WORK/compress.in" ;;   # text-like, slow to compress at -9
      build) cp -r "$LAB_SRC/src" "$WORK/build" ;;
      fsync-copy) head -c 512M /dev/urandom >"$WORK/copy.in" ;;
      pgbench)
        mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
        runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust >>"$OUT/workloads.log" 2>&1
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -o "-k $WORK/pg -p $PG_PORT -c listen_addresses=" \
          -w -t 300 start >>"$OUT/workloads.log" 2>&1
        runuser -u postgres -- "$PG_BIN/pgbench" -h "$WORK/pg" -p $PG_PORT -i -s 5 -q postgres >>"$OUT/workloads.log" 2>&1
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >>"$OUT/workloads.log" 2>&1 ;;
      nginx | jvm)
        mkdir -p "$WORK/nginx"
        cat >"$WORK/nginx/nginx.conf" <<NGINX
daemon off;
master_process on;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  server { listen 127.0.0.1:$HTTP_PORT; location / { return 200 "ok\\n"; } }
}
NGINX
        ;;
    esac
  done
}

# httperf at a fixed rate of $3 requests per second for $2 seconds against port $1, 10 requests per
# connection: with one request per connection the client's TIME_WAIT ports ran out after about 30 s
# at 1,000 connections/s (--hog binds every port itself), and the server then stalled for 10 to 20 s.
http_load() {
  local port=$1 secs=$2 rate=$3 conns
  conns=$(((rate + 9) / 10))
  spawn httperf --hog --server 127.0.0.1 --port "$port" --uri / --rate "$conns" --num-calls 10 \
    --num-conns $((conns * secs)) --timeout 5
}

start_workload() {
  local name=$1 secs=$2
  echo "=== $name ($(date +%T))" >>"$OUT/workloads.log"
  case $name in
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
      MEMCG=1 spawn stress-ng --mmap 2 --mmap-bytes 1G --mmap-file --temp-path "$SCRATCH" --timeout "${secs}s" ;;
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
    compress)
      # One single-threaded compressor: one CPU busy, however many the machine has.
      spawn bash -c 'while :; do xz -9 -T1 -c "$1" >/dev/null; done' compress "$WORK/compress.in" ;;
    build)
      # A parallel build of a real C library (a Debian source package), from clean, over and over.
      spawn bash -c 'while :; do make -s -C "$1/lib" clean >/dev/null; make -s -C "$1/lib" -j"$2" lib-release >/dev/null; done' \
        build "$WORK/build" "$NCPU" ;;
    pgbench)
      # A database at a steady request rate: short read-only transactions from 8 clients, 250 per CPU per second.
      spawn bash -c 'runuser -u postgres -- "$1/postgres" -D "$2/pg/data" -k "$2/pg" -p "$3" -c listen_addresses= &
        until runuser -u postgres -- "$1/pg_isready" -q -h "$2/pg" -p "$3"; do sleep 0.2; done
        runuser -u postgres -- "$1/pgbench" -h "$2/pg" -p "$3" -n -S -c 8 -j 2 -R "$4" -T "$5" postgres
        wait' pgbench "$PG_BIN" "$WORK" "$PG_PORT" $((250 * NCPU * RATE_PCT / 100)) "$secs" ;;
    nginx)
      # A web server at a steady request rate: 500 requests per CPU per second (50 connections of 10).
      spawn nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
      http_load "$HTTP_PORT" "$secs" $((500 * NCPU * RATE_PCT / 100)) ;;
    jvm)
      # A JVM HTTP service (the JDK's built-in server, a little work per request) at a steady rate.
      spawn java -XX:+UseSerialGC -Xmx128m "$LAB_DIR/JvmService.java" $((HTTP_PORT + 1))
      spawn bash -c 'sleep 8; exec httperf --hog --server 127.0.0.1 --port "$1" --uri / --rate "$2" --num-conns "$3" --timeout 5' \
        load $((HTTP_PORT + 1)) $((250 * NCPU * RATE_PCT / 100)) $((250 * NCPU * RATE_PCT / 100 * secs)) ;;
    fsync-copy)
      # Copying a file with every 256 KiB written through to the disk (as a careful backup tool does).
      spawn bash -c 'while :; do dd if="$1" of="$2" bs=256k oflag=dsync status=none; done' copy "$WORK/copy.in" "$WORK/copy.out" ;;
    *) echo "unknown phase $name" >&2; exit 2 ;;
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

# Copies one file with builtins only (no program started: in an emulated guest every program start
# costs major page faults and CPU that would look like the workload's).
copy_file() {
  local c
  IFS= read -r -d '' c <"$1" || true
  printf '%s' "$c" >"$2"
}

sampler() { # one tick per second on the capture's clock; names are the real elapsed ms
  # Loadable builtins (bash-builtins) for mkdir and sleep: the sampler starts no program per tick.
  enable -f /usr/lib/bash/mkdir mkdir 2>/dev/null || log "bash-builtins missing: the sampler forks mkdir"
  enable -f /usr/lib/bash/sleep sleep 2>/dev/null || log "bash-builtins missing: the sampler forks sleep"
  local k=0 t d next f line u n s i w q sq st rest psi=0 sched=0
  [[ -d /proc/pressure ]] && psi=1
  [[ -r /proc/schedstat ]] && sched=1
  exec 3>>"$OUT/workload_cpu.csv"
  while :; do
    t=$((${EPOCHREALTIME/./} / 1000 - START))
    printf -v d '%s/ticks/%012d' "$OUT" "$t"
    mkdir -p "$d/pressure"
    for f in stat meminfo vmstat diskstats loadavg; do copy_file "/proc/$f" "$d/$f"; done
    ((sched)) && copy_file /proc/schedstat "$d/schedstat"
    if ((psi)); then for f in cpu io memory; do copy_file "/proc/pressure/$f" "$d/pressure/$f"; done; fi
    if [[ -n $ACCT ]]; then
      read -r line u n s i w q sq st rest <"$d/stat"
      workload_ns
      echo "$t,$((u + n + s + q + sq + st)),$WORKLOAD_NS" >&3
    fi
    k=$((k + 1))
    next=$((START + k * 1000 - ${EPOCHREALTIME/./} / 1000))
    if ((next > 0)); then printf -v f '%d.%03d' $((next / 1000)) $((next % 1000)); sleep "$f"; fi
  done
}

mkdir -p "$OUT/ticks"
setup_cgroups
log "preparing the fio file ($FIO_SIZE_MB MiB in $SCRATCH) and the applications"
df -h "$SCRATCH" >&2
if [[ " ${PHASES[*]} " == *" io-bound "* || " ${PHASES[*]} " == *" mixed "* ]]; then
  avail_mb=$(df -Pm "$SCRATCH" | awk 'NR==2{print $4}')
  ((avail_mb > 3 * FIO_SIZE_MB)) || { echo "not enough space in $SCRATCH: ${avail_mb} MiB free" >&2; exit 1; }
  fio --name=autosa-lab-prep --filename="$FIO_FILE" --size=${FIO_SIZE_MB}M --rw=write --bs=1M --direct=1 \
    --ioengine=psync --end_fsync=1 >>"$OUT/workloads.log" 2>&1
fi
for name in "${PHASES[@]}"; do label_of "$name" >/dev/null || exit 2; done
prepare
QUIET=forced
[[ $FORCE == 1 ]] || wait_quiet
WAITED_NOTE=$(pgrep -a 'java|mvn' | cut -c1-200 | tr '\n' ';' || true)

[[ -n $ACCT ]] && echo "t_ms,busy_jiffies,workload_cpu_ns" >"$OUT/workload_cpu.csv"
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
echo "label,start_ms,end_ms,name" >"$OUT/phases.csv"
sampler &
SAMPLER=$!

total=${#PHASES[@]}
i=0
for name in "${PHASES[@]}"; do
  i=$((i + 1))
  if [[ $i -gt 1 && $PHASE_WAIT_S -gt 0 ]]; then
    wait_quiet "$PHASE_WAIT_S"
    echo "quiet_before_${name}=$QUIET" >>"$OUT/meta.properties"
  fi
  s=$(($(now_ms) - START))
  log "phase $i/$total: $name for ${PHASE_S}s"
  start_workload "$name" "$((PHASE_S + 5))"
  for ((r = PHASE_S; r > 0; r -= 10)); do
    step=$((r < 10 ? r : 10))
    sleep "$step"
    read -r l1 l5 l15 _ </proc/loadavg
    printf '\r  %-18s %3ds left, load %s %s %s   ' "$name" $((r - step)) "$l1" "$l5" "$l15" >&2
  done
  printf '\n' >&2
  # Stop by the phase clock, not by the workload's own timeout.
  e=$(($(now_ms) - START))
  stop_phase
  echo "$(label_of "$name"),$s,$e,$name" >>"$OUT/phases.csv"
done
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
log "done: $(ls "$OUT/ticks" | wc -l) ticks in $OUT"
