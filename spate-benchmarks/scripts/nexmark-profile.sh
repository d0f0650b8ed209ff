#!/usr/bin/env bash
# Profiles one Nexmark query with Java Flight Recorder and prints where the time goes: the
# methods that were on CPU most often (self time) and the most frequent three-frame stacks.
#
#   spate-benchmarks/scripts/nexmark-profile.sh q5 [events] [parallelism]
#
# The recording is kept in target/nexmark-<query>.jfr for `jfr print` or JDK Mission Control.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
query="${1:?usage: nexmark-profile.sh <query> [events] [parallelism]}"
events="${2:-10000000}"
parallelism="${3:-1}"
mkdir -p "$root/target"
jfr_file="$root/target/nexmark-$query.jfr"
SPATE_JAVA_OPTS="${SPATE_JAVA_OPTS:--Xms4g -Xmx16g -XX:+UseParallelGC} -XX:StartFlightRecording=filename=$jfr_file,settings=profile" \
  "$root/spate" nexmark --query "$query" --events "$events" --rate 10000000 -p "$parallelism" 2>/dev/null \
  | grep '^RESULT'

samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT
jfr print --events jdk.ExecutionSample "$jfr_file" \
  | awk '/stackTrace = \[/ { getline a; getline b; getline c; print a " <- " b " <- " c }' \
  | sed -E 's/line: [0-9]+//g; s/\([^)]*\)//g; s/ +/ /g; s/^ //' >"$samples"
total="$(wc -l <"$samples")"
echo
echo "Self time, top 15 of $total samples:"
awk -F' <- ' '{ print $1 }' "$samples" | sort | uniq -c | sort -rn | head -15 \
  | awk -v t="$total" '{ n = $1; $1 = ""; printf "%5.1f%% %s\n", 100 * n / t, $0 }'
echo
echo "Stacks (three frames), top 12:"
sort "$samples" | uniq -c | sort -rn | head -12 \
  | awk -v t="$total" '{ n = $1; $1 = ""; printf "%5.1f%% %s\n", 100 * n / t, $0 }'
