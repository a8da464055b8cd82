#!/usr/bin/env bash
# Log ingestion benchmark: release build, then `licscope bench logs` (generates a deterministic 500 MB License
# Manager log, times licscope and `LC_ALL=C grep -c` over it in the same run). Usage: scripts/bench-logs.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --product licscope
.build/release/licscope bench logs --size-mb "${1:-500}"
