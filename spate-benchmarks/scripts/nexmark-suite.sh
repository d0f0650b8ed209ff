#!/usr/bin/env bash
# Runs the Nexmark benchmark profile (SPEC §8; FLINK-REFERENCE.md's set-up): every query at the
# given parallelisms, each run in a fresh JVM, and prints every RESULT line and then a Markdown
# table of the median events/s per core beside Flink 2.3.0's figures.
#
#   spate-benchmarks/scripts/nexmark-suite.sh [--runs 3] [--parallelism "1 2"] [--queries "q0 q1 ..."]
#
# Benchmark profile: seed 42, rate 10 000 000 events/s of event time, 10 M events (4 M for q4 and
# q7), blackhole sink, no checkpoints, heap state. JVM options from SPATE_JAVA_OPTS (default
# -Xms4g -Xmx16g -XX:+UseParallelGC). Needs the distribution built (./spate builds it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3
parallelisms="1 2"
queries="q0 q1 q2 q3 q4 q5 q7 q8 q11"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --parallelism) parallelisms="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    *) echo "nexmark-suite: unknown option $1" >&2; exit 2 ;;
  esac
done
export SPATE_JAVA_OPTS="${SPATE_JAVA_OPTS:--Xms4g -Xmx16g -XX:+UseParallelGC}"

# Flink 2.3.0, events/s per core (FLINK-REFERENCE.md): the DataStream column where there is one,
# else SQL; p=1 then p=2.
flink() {
  case "$1/$2" in
    q0/1) echo 880000 ;; q0/2) echo 808000 ;;
    q1/1) echo 823000 ;; q1/2) echo 685000 ;;
    q2/1) echo 906000 ;; q2/2) echo 1144000 ;;
    q3/1) echo 369000 ;; q3/2) echo 351000 ;;
    q4/1) echo 72000 ;; q4/2) echo 75000 ;;
    q5/1) echo 161000 ;; q5/2) echo 143000 ;;
    q7/1) echo 61000 ;; q7/2) echo 63000 ;;
    q8/1) echo 332000 ;; q8/2) echo 310000 ;;
    *) echo "" ;;
  esac
}

"$root/spate" --version >/dev/null # builds the distribution when it is missing or stale
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for q in $queries; do
  events=10000000
  if [ "$q" = q4 ] || [ "$q" = q7 ]; then events=4000000; fi
  for p in $parallelisms; do
    for ((i = 0; i < runs; i++)); do
      line="$("$root/spate" nexmark --query "$q" --events "$events" --rate 10000000 -p "$p" | grep '^RESULT')"
      echo "$line"
      echo "$line" >>"$results"
    done
  done
done

echo
echo "| query | p | events/s (median) | cpu cores | events/s per core (median) | Flink 2.3.0 per core | ratio |"
echo "|---|---|---|---|---|---|---|"
for q in $queries; do
  for p in $parallelisms; do
    grep " query=$q .*parallelism=$p " "$results" | awk -v q="$q" -v p="$p" -v f="$(flink "$q" "$p")" '
      { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        eps[NR] = v["events_per_s"]; pc[NR] = v["events_per_s_per_core"]; cores[NR] = v["cpu_cores"] }
      function median(a, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      END {
        n = NR; e = median(eps, n); c = median(pc, n); k = median(cores, n)
        ratio = f == "" ? "—" : sprintf("%.1f×", c / f)
        fl = f == "" ? "—" : sprintf("%d K", f / 1000)
        printf "| %s | %s | %.0f K | %.2f | %.0f K | %s | %s |\n", q, p, e / 1000, k, c / 1000, fl, ratio }'
  done
done
