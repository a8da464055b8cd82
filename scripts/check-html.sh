#!/usr/bin/env bash
# Renders analysis reports as HTML, opens each in headless Chromium, saves a screenshot and fails on any console
# error or warning, uncaught exception, network request (anything but file:/data:/about:), a <script> element, a
# U+FFFD replacement character, or a timeline without its lanes, legend or folded evidence.
#
# Part of `make test` (after the build). Usage:
#   scripts/check-html.sh                 three sample reports (SAMPLES overrides the list), screenshots in
#                                         SHOTS (default .build/check-html)
#   scripts/check-html.sh REPORT.html     check a given report
#   scripts/check-html.sh --self-test     also prove the check catches a broken page
# Runs without a display (--headless) and as root (--no-sandbox, which Chromium needs there).
# Exit codes: 0 clean, 1 problems found, 2 cannot run (no Chromium, no report).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"

self_test=0
reports=()
for arg in "$@"; do
  case "$arg" in
    --self-test) self_test=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) reports+=("$arg") ;;
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

shots="${SHOTS:-.build/check-html}"
mkdir -p "$shots"
sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)
if [ "${#reports[@]}" = 0 ]; then
  bin=.build/debug/licscope
  [ -x "$bin" ] || { echo "check-html: $bin is missing; run make build" >&2; exit 2; }
  for sample in ${SAMPLES:-samples/slm-stopped-chicago/bundle samples/proxy-443-bundle samples/auth-expired-no-provisioning-denver/bundle}; do
    name="$(echo "$sample" | sed 's|^samples/||; s|/bundle$||; s|[^A-Za-z0-9._-]|-|g')"
    rc=0
    "$bin" analyze "$sample" --format html -o "$shots/$name.html" 2>/dev/null || rc=$?
    # 0 healthy, 1 findings, 3 partly unreadable, 4 findings + partly unreadable: a report was written.
    case "$rc" in 0|1|3|4) ;; *) echo "check-html: licscope analyze $sample failed (exit $rc)" >&2; exit 2 ;; esac
    reports+=("$shots/$name.html")
  done
fi
for report in "${reports[@]}"; do
  [ -s "$report" ] || { echo "check-html: $report is missing or empty" >&2; exit 2; }
done

# Drives Chromium over the DevTools protocol (--remote-debugging-pipe): console messages with their levels,
# exceptions, log entries (CSP violations, failed loads) and every network request are collected while the
# page loads; then the DOM is asked for the timeline.
run_check() { # FILE EXPECT(clean|broken) SCREENSHOT
  python3 - "$chrome" "$1" "$2" "$work/profile-$RANDOM" "$3" "${sandbox[@]}" <<'PY'
import base64, json, os, select, subprocess, sys, time

chrome, path, expect, profile, shot = sys.argv[1:6]
extra = sys.argv[6:]
url = "file://" + os.path.abspath(path)
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
os.dup2(to_chrome_r, 40); os.dup2(from_chrome_w, 41)
# Chromium reads DevTools commands on fd 3 and answers on fd 4; the shell wires them at exec time.
proc = subprocess.Popen(
    ["/bin/bash", "-c", 'exec "$0" "$@" 3<&40 4>&41 40<&- 41>&-', chrome, "--headless=new", *extra, "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
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
    call("Emulation.setDeviceMetricsOverride", {"width": 1150, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
    call("Page.navigate", {"url": url}, session=session)
    pump(lambda m: m.get("method") == "Page.loadEventFired", time.time() + 20)
    pump(lambda m: False, time.time() + 1.0)  # late console output
    probe = call("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify({
        svg: document.querySelectorAll('svg.timeline').length,
        bands: [...document.querySelectorAll('svg.timeline text.band-label')].map(t => t.textContent),
        rects: document.querySelectorAll('svg.timeline rect.st').length,
        legend: [...document.querySelectorAll('.legend li i[class^="s-"]')].map(i => [i.parentNode.textContent, getComputedStyle(i).backgroundColor]),
        axis: [...document.querySelectorAll('svg.timeline text.axis')].map(t => t.textContent),
        scripts: document.querySelectorAll('script').length,
        details: document.querySelectorAll('details').length,
        fffd: document.documentElement.outerHTML.includes('\ufffd'),
        findings: document.querySelectorAll('article.finding').length,
        title: document.title})"""}, session=session)
    dom = json.loads(probe.get("result", {}).get("value") or "{}")
    if shot:
        png = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, session=session)
        with open(shot, "wb") as f: f.write(base64.b64decode(png["data"]))
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
    for band in ("registration", "authorization", "enforcement", "transport"):
        if band not in dom.get("bands", []): problems.append(f"timeline band '{band}' missing")
    if not dom.get("rects"): problems.append("timeline has no state rectangles")
    if dom.get("scripts"): problems.append(f"{dom['scripts']} <script> elements")
    if dom.get("fffd"): problems.append("a U+FFFD replacement character in the page")
    if dom.get("findings") and not dom.get("details"): problems.append("findings without folded <details> evidence")
    names = [n for n, _ in dom.get("legend", [])]
    colors = [c for _, c in dom.get("legend", [])]
    if len(set(names)) != len(names): problems.append(f"legend repeats a state: {names}")
    if len(set(colors)) != len(colors): problems.append(f"legend states share a color: {dom['legend']}")
    axis = dom.get("axis", [])
    if len(set(axis)) != len(axis): problems.append(f"axis labels repeat: {axis}")
    for p in problems: print("check-html: " + p, file=sys.stderr)
    if problems: sys.exit(1)
    print(f"check-html: {path}: clean; {len(dom['bands'])} lanes, {dom['rects']} state rectangles, "
          f"{len(names)} states in the legend, axis {axis}, {dom['findings']} findings; screenshot {shot}", file=sys.stderr)
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
  run_check "$work/broken.html" broken ""
fi
status=0
for report in "${reports[@]}"; do
  run_check "$report" clean "${report%.html}.png" || status=1
done
exit $status
