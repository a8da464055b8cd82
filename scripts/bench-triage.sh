#!/usr/bin/env bash
# Batch triage benchmark: the same bundles triaged with --jobs 1 and --jobs 2 by the release build, in one run.
# Bundles: the sample and every rule fixture folder (about 80), each once as a folder, COPIES times over (each
# copy made distinct by a note file, so none is skipped as identical). Prints bundles per minute for each, the
# ratio, and the whole run's peak memory as triage reports it; then --jobs 2 again writing every bundle's HTML
# report (--reports, the same single analysis per bundle). Usage: scripts/bench-triage.sh [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
copies="${1:-2}"
bin=.build/release/licscope
[ -x "$bin" ] || swift build -c release --product licscope
work="$(mktemp -d "${TMPDIR:-/tmp}/licscope-bench-triage.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundles"
n=0
for c in $(seq 1 "$copies"); do
  for d in samples/proxy-443-bundle rules/tests/*/*/; do
    n=$((n + 1))
    cp -r "$d" "$work/bundles/b$n"
    echo "copy $c of $d" > "$work/bundles/b$n/NOTE.txt"
  done
done
declare -A rate
for jobs in 1 2; do
  rm -f "$work/out-$jobs.jsonl"
  start=$(date +%s.%N)
  "$bin" triage "$work/bundles" --jobs "$jobs" --out "$work/out-$jobs.jsonl" > "$work/summary-$jobs.txt" || true
  end=$(date +%s.%N)
  lines=$(wc -l < "$work/out-$jobs.jsonl")
  rate[$jobs]=$(awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n * 60 / (e - s) }')
  printf 'triage --jobs %s: %s bundles in %.2f s = %s bundles/min; %s\n' "$jobs" "$lines" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" "${rate[$jobs]}" "$(grep '^peak memory' "$work/summary-$jobs.txt")"
done
awk -v a="${rate[1]}" -v b="${rate[2]}" -v cores="$(nproc)" \
  'BEGIN { printf "ratio --jobs 2 / --jobs 1: %.2fx (target >= 1.8x; %d cores on this machine)\n", b / a, cores }'
start=$(date +%s.%N)
"$bin" triage "$work/bundles" --jobs 2 --out "$work/out-reports.jsonl" --format html --reports "$work/reports" \
  > "$work/summary-reports.html" || true
end=$(date +%s.%N)
lines=$(wc -l < "$work/out-reports.jsonl")
reports=$(find "$work/reports" -type f | wc -l)
printf 'triage --jobs 2 --reports: %s bundles in %.2f s = %s bundles/min, %s reports (%.2fx the rate without)\n' "$lines" \
  "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" \
  "$(awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n * 60 / (e - s) }')" "$reports" \
  "$(awk -v n="$lines" -v s="$start" -v e="$end" -v b="${rate[2]}" 'BEGIN { printf "%.2f", n * 60 / (e - s) / b }')"
