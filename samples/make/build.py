#!/usr/bin/env python3
"""Builds the licscope samples: `python3 samples/make/build.py [--capture] [NAME ...]`.

Without --capture the committed captures are kept and only the texts (show outputs, traces, syslog, archives) and
expected.yaml are rewritten from the capture metadata in samples/make/meta/ (packet times as tshark reads them).
With --capture (root; tcpdump, tshark, tinyproxy, dnsmasq, openssl, curl) the network scenarios are captured anew on
127.12.<n>.x. Not run by `make test`; the outputs are committed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import netlab  # noqa: E402
import readme  # noqa: E402
import scenarios  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--capture", action="store_true", help="make the captures again (root)")
    ap.add_argument("names", nargs="*", help="samples to build (default: all)")
    args = ap.parse_args()
    if args.capture:
        netlab.need_root()
    chosen = args.names or list(scenarios.ALL)
    for name in chosen:
        build = scenarios.ALL[name]
        sample = build(args.capture)
        for cap in sorted(sample.bundle.rglob("*.cap")):
            if "damaged" in cap.name:
                continue
            frames = netlab.check_opens(cap)
            print(f"  {cap.relative_to(sample.dir.parent)}: opens in tshark, {frames} frames")
        if sample.skew is None and (sample.bundle / "packets.cap").exists():
            sample.skew = {"required": False, "offset_seconds": 0.0, "tolerance_seconds": 2,
                           "basis": "the capture stands for `utils network capture` on the publisher itself: the "
                                    "traces and the capture share one clock, whatever the zone; an offset, if reported, must be 0"}
        sample.pending = scenarios.PENDING.get(name)
        sample.finish()
        print(f"built {name}")
    readme.rewrite(Path(__file__).resolve().parent.parent)


if __name__ == "__main__":
    main()
