#!/usr/bin/env bash
# Nexmark on a standalone cluster against the embedded engine at the same total parallelism:
# starts a local cluster of one JobManager and two TaskManagers (one slot and one worker thread
# each, so the cluster's subtasks get as many threads as the embedded run's), runs each query
# --runs times on it at parallelism 2 (every keyed exchange then crosses TaskManagers), then as
# often on the embedded engine at parallelism 2, and prints the RESULT lines and the medians.
#
#   spate-benchmarks/scripts/nexmark-cluster.sh [--runs 3] [--queries "q1 q5"] [--events "q1=50000000 q5=10000000"]
#
# Profile as nexmark-suite.sh: seed 42, rate 10 000 000 events/s of event time, blackhole sink,
# heap state, JVM options from SPATE_JAVA_OPTS (default -Xms4g -Xmx8g -XX:+UseParallelGC, for
# every process). The cluster's figure is the job's run time on the JobManager (deployment
# included); the embedded one runs from the first event to the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3
queries="q1 q5"
events_of() {
  case "$1" in
    q1) echo 50000000 ;;
    *) echo 10000000 ;;
  esac
}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    *) echo "nexmark-cluster: unknown option $1" >&2; exit 2 ;;
  esac
done
export SPATE_JAVA_OPTS="${SPATE_JAVA_OPTS:--Xms4g -Xmx8g -XX:+UseParallelGC}"

dir="$(mktemp -d)"
trap '"$root/spate" cluster stop --dir "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
"$root/spate" cluster start --dir "$dir" --taskmanagers 2 --slots 1 --port 0 \
  -D taskmanager.worker-threads=1 -D rest.port=0 2>"$dir/start.err" >/dev/null
rest="$(sed -n 's/^Its REST API is on \([^:]*:[0-9]*\):.*/\1/p' "$dir/start.err")"
[ -n "$rest" ] || { cat "$dir/start.err" >&2; exit 1; }
echo "cluster: REST API on $rest" >&2

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for q in $queries; do
  n="$(events_of "$q")"
  for mode in cluster embedded; do
    rates=()
    for ((i = 1; i <= runs; i++)); do
      extra=()
      [ "$mode" = cluster ] && extra=(--jobmanager "$rest")
      line="$("$root/spate" nexmark --query "$q" --events "$n" --rate 10000000 -p 2 \
        --sink blackhole "${extra[@]}" | grep '^RESULT')"
      echo "$mode $line"
      rates+=("$(sed -n 's/.* events_per_s=\([0-9]*\).*/\1/p' <<<"$line")")
    done
    echo "MEDIAN $q $mode events_per_s=$(printf '%s\n' "${rates[@]}" | median)"
  done
done
