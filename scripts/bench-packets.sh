#!/usr/bin/env bash
# Builds licscope in release mode and runs the capture benchmark once:
# generates a deterministic 300 MB capture (bench-data/), then prints licscope's time against tshark's
# comparable field extraction and a bare libpcap read loop.  Usage: scripts/bench-packets.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --product licscope
exec .build/release/licscope bench packets --size-mb "${1:-300}" --out bench-data
