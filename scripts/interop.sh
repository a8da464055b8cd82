#!/usr/bin/env bash
# make interop: compares `licscope packets` with tshark on every capture in ../shared/corpus/pcap
# (packet counts, ClientHello frames + SNI, DNS query names + rcodes, CONNECT targets + statuses,
# certificate serials / subject CNs / issuer CNs). Prints a table; exits 1 on any mismatch.
# Known, documented differences (corpus MANIFEST caveats) are listed in KNOWN_COUNTS below and shown as such.
set -uo pipefail
cd "$(dirname "$0")/.."
CORPUS="${CORPUS:-../shared/corpus/pcap}"
# A git worktree one level deeper (wt/<name>) finds the shared corpus one level further up.
[ -d "$CORPUS" ] || [ ! -d ../../shared/corpus/pcap ] || CORPUS=../../shared/corpus/pcap
BIN="${BIN:-.build/debug/licscope}"
if ! command -v tshark >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing tshark"
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark >/dev/null
  else
    echo "tshark missing; run: sudo apt-get install -y tshark" >&2; exit 2
  fi
fi
[ -x "$BIN" ] || { echo "build first: $BIN not found" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "corpus not found: $CORPUS" >&2; exit 2; }
exec python3 - "$BIN" "$CORPUS" <<'PY'
import json, os, re, subprocess, sys

BIN, CORPUS = sys.argv[1], sys.argv[2]
# Packet counts where tshark (wiretap) and libpcap legitimately disagree (corpus MANIFEST, "Caveats").
KNOWN_COUNTS = {
    "pcapng-test-generator__be__test202.pcapng": (8, "tshark counts 3 pcapng Custom Blocks as frames"),
    "pcapng-test-generator__le__test102.pcapng": (5, "tshark counts pcapng Custom Blocks as frames"),
    "pcap-invalid-version-2.pcap": (0, "libpcap rejects pcap version 2.5; tshark reads it"),
    "fuzz.pcap": (1, "record 2 has a garbage header: libpcap stops, wiretap guesses on"),
}

def tshark(path, *args):
    r = subprocess.run(["tshark", "-n", "-r", path, *args], capture_output=True, text=True)
    return [l for l in r.stdout.splitlines() if l.strip()]

def fields(path, display, *names):
    args = ["-Y", display, "-T", "fields", "-E", "occurrence=a"]
    for n in names: args += ["-e", n]
    return [l.split("\t") for l in tshark(path, *args)]

def norm_serial(s):
    s = s.lower().replace("0x", "").replace(":", "")
    return s.lstrip("0") or "0"

def cn(name):
    m = re.search(r"(?:^|,)CN=((?:[^,\\]|\\.)*)", name)
    return m.group(1).replace("\\", "") if m else ""

def tshark_certs(path):
    """Serial, subject CN and issuer CN of the first Certificate message of each TCP stream."""
    first = {}
    for row in fields(path, "tls.handshake.type==11", "tcp.stream", "frame.number"):
        if len(row) >= 2 and row[0] and row[0] not in first: first[row[0]] = int(row[1])
    out = {}
    for stream, frame in first.items():
        certs, cur, which = [], None, None
        for line in tshark(path, "-Y", f"frame.number=={frame}", "-V", "-O", "tls"):
            t = line.strip()
            if t.startswith("serialNumber:"):
                cur = {"serial": norm_serial(t.split(":", 1)[1].strip()), "issuer": "", "subject": ""}
                certs.append(cur); which = None
            elif cur is not None and t.startswith("issuer: rdnSequence"): which = "issuer"
            elif cur is not None and t.startswith("subject: rdnSequence"): which = "subject"
            elif cur is not None and which and t.startswith("rdnSequence:"):
                m = re.search(r"id-at-commonName=([^,)…]*)", t)
                cur[which] = m.group(1) if m else ""
                which = None
        out[frame] = certs
    return out

r_err = {}

def ours(path):
    r = subprocess.run([BIN, "packets", "--format", "jsonl", path], capture_output=True, text=True)
    r_err[path] = r.stderr
    objs = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    return r.returncode, objs

rows, failures = [], 0
for name in sorted(os.listdir(CORPUS)):
    path = os.path.join(CORPUS, name)
    rc, objs = ours(path)
    m = re.search(r": (\d+) frames, reader", r_err.get(path, ""))
    cap = {"frames": int(m.group(1)) if m else -1}
    flows = [dict(o["fields"], sni=o["fields"].get("sni")) for o in objs if o.get("kind") == "capture.flow"]
    events = [dict(o, pointer=f'{o["source"]["path"]}#{o["source"].get("frame", 0)}') for o in objs
              if o.get("kind") not in ("capture.flow", "capture.ladder")]
    notes, bad = [], []

    t_count = len(tshark(path, "-T", "fields", "-e", "frame.number"))
    expected, why = KNOWN_COUNTS.get(name, (t_count, None))
    if why: notes.append(f"count: {why}")
    if cap["frames"] != expected: bad.append(f"packets {cap['frames']} != {expected}")

    t_ch = {(int(r[0]), r[1] if len(r) > 1 else "") for r in fields(path, "tls.handshake.type==1", "frame.number", "tls.handshake.extensions_server_name")}
    o_ch = {(f_, fl.get("sni") or "") for fl in flows for f_ in fl["client_hello_frames"]}
    if t_ch != o_ch: bad.append(f"ClientHello {sorted(o_ch)} != {sorted(t_ch)}")

    t_dns = set()
    for r in fields(path, "dns && !mdns && (udp.port==53 || tcp.port==53)", "frame.number", "dns.flags.response", "dns.flags.rcode", "dns.qry.name"):
        if len(r) < 4: continue
        resp = r[1] in ("1", "True")
        t_dns.add((int(r[0]), r[3].split(",")[0].lower().rstrip("."), int(r[2]) if resp and r[2] else None))
    o_dns = set()
    for e in events:
        if e["kind"] in ("dns.query", "dns.answer"):
            frame = int(e["pointer"].rsplit("#", 1)[1])
            o_dns.add((frame, e["fields"]["query"], e["fields"].get("rcode") if e["kind"] == "dns.answer" else None))
    if t_dns != o_dns: bad.append(f"DNS ours-only {sorted(o_dns - t_dns)[:3]} tshark-only {sorted(t_dns - o_dns)[:3]}")

    t_conn = {int(r[0]): r[1] for r in fields(path, 'http.request.method=="CONNECT"', "frame.number", "http.request.uri")}
    t_status = {}
    for r in fields(path, "http.response", "http.request_in", "http.response.code"):
        if len(r) >= 2 and r[0]: t_status[int(r[0])] = int(r[1])
    t_c = {(f_, tgt, t_status.get(f_)) for f_, tgt in t_conn.items()}
    o_c = {(f_, t_, s_ or None) for fl in flows
           for f_, t_, s_ in zip(fl["connect_frames"], fl["connect_targets"], fl["connect_statuses"])}
    if t_c != o_c: bad.append(f"CONNECT {sorted(o_c)} != {sorted(t_c)}")

    t_certs = tshark_certs(path)
    o_certs = {}
    for fl in flows:
        if fl["certificate_serials"]:
            o_certs[fl["first_frame"]] = [(norm_serial(s), cn(sub), cn(iss)) for s, sub, iss in
                                          zip(fl["certificate_serials"], fl["certificate_subjects"], fl["certificate_issuers"])]
    t_list = sorted([(c["serial"], c["subject"], c["issuer"]) for cs in t_certs.values() for c in cs])
    o_list = sorted([c for cs in o_certs.values() for c in cs])
    if t_list != o_list: bad.append(f"certs ours {o_list[:2]} tshark {t_list[:2]}")

    status = "ok" if not bad else "MISMATCH"
    failures += bool(bad)
    rows.append((name, f"{cap['frames']}/{t_count}", len(o_ch), len(o_dns), len(o_c), len(o_list), rc, status, bad + notes))

w = max(len(r[0]) for r in rows)
print(f"{'capture':<{w}}  {'pkts ours/tshark':>16}  {'CH':>3}  {'DNS':>4}  {'CONN':>4}  {'certs':>5}  {'rc':>2}  result")
for name, counts, ch, dns, conn, certs, rc, status, detail in rows:
    print(f"{name:<{w}}  {counts:>16}  {ch:>3}  {dns:>4}  {conn:>4}  {certs:>5}  {rc:>2}  {status}")
    for d in detail: print(f"{'':<{w}}    - {d}")
print(f"\n{len(rows)} captures, {failures} mismatching")
sys.exit(1 if failures else 0)
PY
