#!/usr/bin/env bash
# Runs every libFuzzer target of licscope-fuzz for SECONDS each (nice'd: the machine may be shared), seeded from the
# fixtures, samples and (when present) the public corpus. Crashers land in .build-fuzz/crashers/; a summary line per
# target gives its execution count. Usage: scripts/fuzz.sh BINARY SECONDS [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
binary=$1; seconds=$2; shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(capture dns http tls pcapng x509 show-license trace archive rule catalog)
work=.build-fuzz
mkdir -p "$work/crashers" "$work/logs"
corpus_root=${LICSCOPE_CORPUS:-/work/shared/corpus}

seed() {  # seed TARGET: copies the seed inputs of TARGET into its corpus directory (once)
  local dir="$work/corpus/$1"
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case $1 in
    capture) cp Tests/PacketIngestTests/Fixtures/*.pcap* samples/*/packets.cap "$dir"/ 2>/dev/null
             find "$corpus_root/pcap" -type f -size -2M 2>/dev/null | head -50 | xargs -r -I{} cp {} "$dir"/ ;;
    pcapng)  for f in Tests/PacketIngestTests/Fixtures/*.pcapng; do tail -c +29 "$f" > "$dir/$(basename "$f")"; done ;;
    x509)    for f in Tests/PacketIngestTests/Fixtures/certs/*.pem; do
               openssl x509 -in "$f" -outform DER -out "$dir/$(basename "$f" .pem).der" 2>/dev/null; done ;;
    show-license) cp samples/*/show-license*.txt "$dir"/ 2>/dev/null
             find Tests/TextIngestTests/Fixtures/cli "$corpus_root/cli" -type f -size -512k 2>/dev/null | head -50 \
               | xargs -r -I{} cp {} "$dir"/ ;;
    trace)   find samples Tests/TextIngestTests/Fixtures/logs -type f -name '*.log' -size -512k 2>/dev/null | head -50 \
               | xargs -r -I{} cp {} "$dir"/ ;;
    archive) find Tests -type f \( -name '*.zip' -o -name '*.tar' -o -name '*.gz' -o -name '*.tgz' \) -size -1M \
               | xargs -r -I{} cp {} "$dir"/
             (cd samples/proxy-443-bundle && tar cf - show-license-all.txt utils-service-list.txt) > "$dir/sample.tar"
             gzip -c samples/proxy-443-bundle/show-license-all.txt > "$dir/show.gz" ;;
    rule)    cp rules/*.yaml "$dir"/ ;;
    catalog) cp rules/messages/*.y*ml "$dir"/ ;;
  esac
  if [ -d "Tests/FuzzRegressions/$1" ]; then cp "Tests/FuzzRegressions/$1"/* "$dir"/ 2>/dev/null; fi
  [ -n "$(ls -A "$dir")" ] || printf 'x' > "$dir/empty"
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  log="$work/logs/$target.log"
  ASAN_OPTIONS=detect_leaks=0 LICSCOPE_FUZZ_TARGET=$target nice -n 19 "$binary" -detect_leaks=0 -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/crashers/$target-" "$work/corpus/$target" \
    >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz $target: ${runs:-?} executions in ${seconds}s, exit $rc$([ $rc -ne 0 ] && echo ", see $log")"
  [ $rc -eq 0 ] || status=1
done
exit $status
