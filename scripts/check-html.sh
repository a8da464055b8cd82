#!/usr/bin/env bash
# Opens an analysis report's HTML in headless Chromium and fails on any console error, uncaught exception,
# blocked or attempted network load, or a missing SVG timeline (three state bands).
#
# Not part of `make test` (Chromium is heavy); run it by hand or as its own CI step:
#   scripts/check-html.sh                 render the sample report (licscope analyze … --format html when the
#                                         binary and the sample exist, else the golden HTML report) and check it
#   scripts/check-html.sh REPORT.html     check a given report
#   scripts/check-html.sh --self-test     also prove the check catches a broken page
# Chromium is installed with apt when missing and running as root. Exit codes: 0 clean, 1 problems found,
# 2 cannot run (no Chromium, no report).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

self_test=0
report=""
for arg in "$@"; do
  case "$arg" in
    --self-test) self_test=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) report="$arg" ;;
  esac
done

find_chrome() {
  for c in chromium chromium-browser google-chrome headless_shell; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}
chrome="$(find_chrome || true)"
if [ -z "$chrome" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-html: installing chromium" >&2
    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
    chrome="$(find_chrome || true)"
  fi
fi
if [ -z "$chrome" ]; then
  echo "check-html: Chromium not found; run: sudo apt-get install -y chromium" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "$report" ]; then
  sample="${SAMPLE:-samples/proxy-443-bundle}"
  bin=.build/debug/licscope
  if [ -x "$bin" ] && [ -e "$sample" ] && "$bin" analyze --help >/dev/null 2>&1; then
    report="$work/sample.html"
    rc=0
    "$bin" analyze "$sample" --format html >"$report" || rc=$?
    # 0 clean, 1 findings, 3 input partly unreadable: a report was written in every case.
    if [ "$rc" != 0 ] && [ "$rc" != 1 ] && [ "$rc" != 3 ]; then
      echo "check-html: licscope analyze $sample failed (exit $rc)" >&2
      exit 2
    fi
    echo "check-html: rendered $sample with licscope analyze --format html" >&2
  else
    report=Tests/ReportsTests/Fixtures/golden/analysis.html
    echo "check-html: no analyze command or sample yet; checking the golden report $report" >&2
  fi
fi
[ -s "$report" ] || { echo "check-html: $report is missing or empty" >&2; exit 2; }

# Drives Chromium over the DevTools protocol (--remote-debugging-pipe): console messages with their levels,
# exceptions, log entries (CSP violations, failed loads) and every network request are collected while the
# page loads; then the DOM is asked for the timeline.
run_check() { # FILE EXPECT(clean|broken)
  python3 - "$chrome" "$1" "$2" "$work/profile-$RANDOM" <<'PY'
import json, os, select, subprocess, sys, time

chrome, path, expect, profile = sys.argv[1:5]
url = "file://" + os.path.abspath(path)
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
os.dup2(to_chrome_r, 40); os.dup2(from_chrome_w, 41)
# Chromium reads DevTools commands on fd 3 and answers on fd 4; the shell wires them at exec time.
proc = subprocess.Popen(
    ["/bin/bash", "-c", 'exec "$0" "$@" 3<&40 4>&41 40<&- 41>&-', chrome, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
     "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
     "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
    pass_fds=(40, 41), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for fd in (to_chrome_r, from_chrome_w, 40, 41): os.close(fd)
buf = b""; next_id = 0; events = []

def send(method, params=None, session=None):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session: msg["sessionId"] = session
    os.write(to_chrome_w, json.dumps(msg).encode() + b"\0")
    return next_id

def pump(until, deadline):
    global buf
    while time.time() < deadline:
        r, _, _ = select.select([from_chrome_r], [], [], 0.1)
        if r:
            chunk = os.read(from_chrome_r, 65536)
            if not chunk: break
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "method" in msg: events.append(msg)
                if until(msg): return msg
    return None

def call(method, params=None, session=None, timeout=20):
    i = send(method, params, session)
    reply = pump(lambda m: m.get("id") == i, time.time() + timeout)
    if reply is None or "error" in reply:
        sys.exit(f"check-html: DevTools call {method} failed: {reply}")
    return reply.get("result", {})

problems = []
try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Page", "Network"):
        call(domain + ".enable", session=session)
    call("Page.navigate", {"url": url}, session=session)
    pump(lambda m: m.get("method") == "Page.loadEventFired", time.time() + 20)
    pump(lambda m: False, time.time() + 1.0)  # late console output
    probe = call("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify({
        svg: document.querySelectorAll('svg.timeline').length,
        bands: [...document.querySelectorAll('svg.timeline text.band-label')].map(t => t.textContent),
        rects: document.querySelectorAll('svg.timeline rect.st').length,
        findings: document.querySelectorAll('article.finding').length,
        title: document.title})"""}, session=session)
    dom = json.loads(probe.get("result", {}).get("value") or "{}")
finally:
    try: send("Browser.close")
    except OSError: pass
    try: proc.wait(timeout=10)
    except subprocess.TimeoutExpired: proc.kill()

for e in events:
    m, p = e["method"], e.get("params", {})
    if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
        text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
        problems.append(f"console.{p['type']}: {text}")
    elif m == "Runtime.exceptionThrown":
        d = p.get("exceptionDetails", {})
        problems.append("uncaught exception: " + (d.get("exception", {}).get("description") or d.get("text", "")))
    elif m == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
        entry = p["entry"]
        problems.append(f"{entry.get('source')} {entry['level']}: {entry.get('text')}")
    elif m == "Network.requestWillBeSent":
        req = p.get("request", {}).get("url", "")
        if not req.startswith(("file:", "data:", "about:")):
            problems.append(f"network request: {req}")

if expect == "clean":
    if dom.get("svg") != 1: problems.append(f"expected one SVG timeline, found {dom.get('svg')}")
    for band in ("registration", "authorization", "enforcement"):
        if band not in dom.get("bands", []): problems.append(f"timeline band '{band}' missing")
    if not dom.get("rects"): problems.append("timeline has no state rectangles")
    for p in problems: print("check-html: " + p, file=sys.stderr)
    if problems: sys.exit(1)
    print(f"check-html: {path}: no console errors, no network, timeline with bands {dom['bands']} "
          f"and {dom['rects']} state rectangles, {dom['findings']} findings", file=sys.stderr)
else:
    kinds = {"console": any(p.startswith("console.") for p in problems),
             "exception": any(p.startswith("uncaught") for p in problems),
             "blocked load": any("Content Security Policy" in p or "network request" in p for p in problems)}
    missed = [k for k, seen in kinds.items() if not seen]
    if missed:
        print(f"check-html: self-test: the check missed: {', '.join(missed)} (saw {problems})", file=sys.stderr)
        sys.exit(1)
    print("check-html: self-test: a console error, an exception and a blocked load are all caught", file=sys.stderr)
PY
}

if [ "$self_test" = 1 ]; then
  cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"><title>broken</title></head>
<body><img src="http://127.0.0.1:9/x.png"><script>console.error("boom"); undefinedFunction();</script></body></html>
HTML
  run_check "$work/broken.html" broken
fi
run_check "$report" clean
