"""The samples whose story is on the wire: each has a capture made on loopback (captures.py) and texts written at
the capture's packet times, converted to the customer's local wall time."""
from __future__ import annotations

import bundle as bd
import captures
import cucm_text as ct
import netlab
import story as st
from bundle import Sample
from cucm_text import DAY, Node, Trace
from story import HOUR, MIN

SLM = "cm/trace/slm/log4j"
TOKEN = "ZmFrZS10b2tlbi1mb3ItbGljc2NvcGUtc2FtcGxlcy1ub3QtcmVhbA=="  # fake; licscope redacts it at ingestion


def captured(sample: Sample, capture: bool, fn, *args, **kw) -> dict:
    """Runs the capture (or reuses the committed one) and returns its metadata (attempt windows in packet time)."""
    if capture:
        meta = fn(sample.bundle / "packets.cap", *args, **kw)
        netlab.save_meta(bd.META / f"{sample.name}.json", meta)
    return bd.load_meta(sample.name)


def standard_outputs(s: Sample, snap: ct.Snapshot, tz_config: bool = True) -> None:
    n = s.node
    s.write("show-license-all.txt", ct.show_license_all(snap, n))
    s.write("show-license-status.txt", ct.show_license_status(snap, n))
    s.write("show-license-summary.txt", ct.show_license_summary(snap, n))
    s.write("show-license-usage.txt", ct.show_license_usage(snap, n))
    s.write("utils-service-list.txt", ct.utils_service_list(publisher=True))
    if tz_config:
        s.write("show-timezone-config.txt", ct.show_timezone_config(n.zone))


def healthy_direct(capture: bool) -> Sample:
    s = Sample("healthy-direct-kolkata",
               Node("sahy-cucm-pub01", "Asia/Kolkata",
                    "Sahyadri Logistics Pvt Ltd", "VA-Pune-Collab"),
               "A healthy direct renewal: DNS, TLS 1.2 with the public-like chain, HTTP 200; nothing to find. IST logs.",
               "captures.direct (dnsmasq + TLS server + curl) during a TAC-requested `license smart renew auth`")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.direct, 1)
    a = meta["attempts"][0]
    n, tr = s.node, Trace(s.node)
    initial = a["first"] - 212 * DAY + 3 * HOUR + 17 * MIN
    last_ren = initial + 180 * DAY + 9.2
    tr.notify(last_ren, "IdCertRenewSuccess", thread="SLM-11")
    olds = st.history(tr, a["first"] - 87 * DAY - 3 * HOUR, 3)
    tr.cli(a["first"] - 2.31, "license smart renew auth")
    ok = st.renewal_ok(tr, a["first"] - 0.015, a["last"])
    snap = st.registered(initial, last_ren, ok, st.usage(Enhanced=(240, "InCompliance"), Basic=(60, "InCompliance")),
                         st.direct_transport())
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [a["first"] - 20 * DAY, a["first"] - 50 * DAY])
    s.must_not = bd.FAILURE_RULES
    s.healthy_until_deadline(snap.comm_deadline, "direct")
    s.event_at("authorization.renew.succeeded", tr.file_of(ok), ok, 2,
               f"capture frames {a['first_frame']}–{a['first_frame'] + a['frames'] - 1}: the renewal's TLS exchange "
               "ended with HTTP 200 at this packet time; the trace line is its IST wall time")
    s.event_at("authorization.renew.succeeded", tr.file_of(olds[0]), olds[0], 2,
               "a scheduled renewal written 30 days apart at this UTC instant (IST wall time in the trace)")
    s.deadline_basis("printed Communication Deadline = the captured success + 90 d − 298 s (CSSM-issued, domain-notes §4.2)")
    return s


def healthy_proxy(capture: bool) -> Sample:
    s = Sample("healthy-proxy-8080-newyork",
               Node("hvh-cm-pub", "America/New_York",
                    "Hudson Valley Health", "Telephony-Prod"),
               "Healthy through an HTTP proxy on 8080 (CONNECT, then TLS in the tunnel). The traces span the end of "
               "US daylight time (Nov 1 2026): renewals before it are EDT wall time, after it EST.",
               "captures.through_proxy (tinyproxy 8080 + TLS server + curl --proxy); history written 30 days apart")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.through_proxy, 2, 8080, proxy_name="webproxy.hvhealth.example")
    a = meta["attempts"][0]
    tr = Trace(s.node)
    initial = a["first"] - 300 * DAY + 5 * HOUR
    last_ren = initial + 180 * DAY + 4.1
    tr.cli(initial - 600, "license smart transport proxy webproxy.hvhealth.example 8080")
    tr.notify(last_ren, "IdCertRenewSuccess", thread="SLM-11")
    olds = st.history(tr, a["first"] - 87 * DAY - 2 * HOUR - 41 * MIN, 3)   # Sep 10, Oct 10 (EDT), Nov 9 (EST)
    ok = st.renewal_ok(tr, a["first"] - 0.015, a["last"])
    snap = st.registered(initial, last_ren, ok, st.usage(CUWL=(85, "InCompliance"), Enhanced=(410, "InCompliance"),
                                                         TelePresenceRoom=(6, "InCompliance")),
                         st.proxy_transport("webproxy.hvhealth.example", 8080))
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [a["first"] - 25 * DAY, a["first"] - 55 * DAY])
    s.must_not = bd.FAILURE_RULES
    s.healthy_until_deadline(snap.comm_deadline, "proxy")
    s.event_at("authorization.renew.succeeded", tr.file_of(ok), ok, 2,
               "capture: CONNECT answered 200 by the proxy, TLS and HTTP 200 in the tunnel at this packet time")
    for t in olds[:2]:
        s.event_at("authorization.renew.succeeded", tr.file_of(t), t, 2,
                   "a scheduled renewal before Nov 1 2026: its trace line is EDT (UTC−4) wall time, not EST")
    s.deadline_basis("printed Communication Deadline = captured success + 90 d − 298 s")
    return s


def proxy_443(capture: bool) -> Sample:
    s = Sample("proxy-443-berlin",
               Node("rhb-ucm-pub", "Europe/Berlin"),
               "CSCvc94366: a new cluster in evaluation tries to register through a proxy configured on port 443; "
               "the agent speaks TLS straight to the proxy, which waits for a request line; the agent aborts (ERR 205). How "
               "CUCM fails on 443 is inferred: only the bug headline is public.",
               "captures.proxy_on_443 (tinyproxy on 443 + openssl s_client sending a ClientHello to it)")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.proxy_on_443, 3, proxy_name="proxy.rheinbahn-logistik.example")
    tr = Trace(s.node)
    first = meta["attempts"][0]["first"]
    install = first - 61 * DAY - 4 * HOUR - 12 * MIN
    tr.add(install + 300, "INFO", "main", "com.cisco.nesla.agent.impl.SmartAgentImpl#init", "Smart Agent for Licensing 1.3.4 initialized")
    tr.notify(install + 301, "Ready", thread="main")
    tr.cli(first - 3 * DAY, "license smart transport proxy proxy.rheinbahn-logistik.example 443")
    fails = []
    for i, a in enumerate(meta["attempts"]):
        if i == 0:
            tr.cli(a["first"] - 1.2, f"license smart register idtoken {TOKEN} force")
        fails.append(st.renewal_failed(tr, a["first"] - 0.015, a["last"] + 0.01, st.ERR_ABORTED, register=True))
    last = meta["attempts"][-1]
    snap = ct.Snapshot(registration="UNREGISTERED", initial_registration=("FAILED", fails[-1]),
                       authorization="EVAL MODE", eval_in_use=True,
                       eval_remaining=install + 90 * DAY - (last["last"] + 75), last_comm=None,
                       usage={"Enhanced": (180, "Eval"), "Basic": (45, "Eval")},
                       transport=st.proxy_transport("proxy.rheinbahn-logistik.example", 443))
    snap.renewal_failure = None
    all_text = ct.show_license_all(snap, s.node).replace(
        f"  Initial Registration: FAILED on {ct.cli_time(fails[-1], s.node.zone)}",
        f"  Initial Registration: FAILED on {ct.cli_time(fails[-1], s.node.zone)}\n"
        "    Failure reason: Communication message send error")
    standard_outputs(s, snap)
    s.write("show-license-all.txt", all_text)
    tr.write_rotated(s.bundle / SLM, "slm.log", [first - 30 * DAY])
    s.must = ["CSCvc94366"]
    s.must_not = ["proxy-auth-required", "dns-failure", "tls-interception", "tls-untrusted-ca", "eval-expired",
                  "auth-expired", "subscriber-not-publisher", "CSCvf86710", "no-provisioning"]
    s.final_states = {"registration": "UNREGISTERED", "authorization": "EVALUATION MODE", "transport": "proxy"}
    for a, t in zip(meta["attempts"], fails):
        s.event_at("registration.failed", tr.file_of(t), t, 2,
                   f"capture frames from {a['first_frame']}: the agent gave up on the unanswered ClientHello (FIN) at this "
                   "packet time")
    s.runway_at("authorization", "EVALUATION EXPIRED", install + 90 * DAY, 300,
                "install (first trace line − 5 min) + the 90-day evaluation; show license all ran ~75 s after the "
                "last attempt and does not print when, so its 'remaining' reading carries that uncertainty")
    return s


def proxy_407(capture: bool) -> Sample:
    s = Sample("proxy-407-london",
               Node("tfl-cucm-p01", "Europe/London",
                    "Thameside Freight Ltd", "UK-Voice"),
               "The proxy was switched to require credentials: CONNECT answered 407. The earlier successes were in "
               "British Summer Time (UTC+1), the failures in GMT.",
               "captures.through_proxy with tinyproxy BasicAuth (curl sends no credentials)")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.through_proxy, 7, 3128, auth=("slm", "not-a-real-secret"), attempts=2,
                    proxy_name="bluecoat.thameside.example")
    tr = Trace(s.node)
    first = meta["attempts"][0]["first"]
    initial = first - 400 * DAY
    last_ren = initial + 360 * DAY
    tr.cli(initial - 900, "license smart transport proxy bluecoat.thameside.example 3128")
    tr.notify(last_ren, "IdCertRenewSuccess", thread="SLM-11")
    olds = st.history(tr, first - 78 * DAY - 6 * HOUR, 3)   # Sep 20, Oct 20 (BST), Nov 19 (GMT)
    fails = []
    for day in (4, 3, 2, 1):   # daily retries since the proxy change, not captured
        t = first - day * DAY + 2 * HOUR + 11 * MIN
        fails.append(st.renewal_failed(tr, t, t + 0.05, st.ERR_ABORTED, exception=st.PROXY_407))
    for a in meta["attempts"]:
        fails.append(st.renewal_failed(tr, a["first"] - 0.015, a["last"] + 0.01, st.ERR_ABORTED,
                                       exception=st.PROXY_407))
    snap = st.registered(initial, last_ren, olds[-1], st.usage(Enhanced=(95, "InCompliance"), Basic=(30, "InCompliance")),
                         st.proxy_transport("bluecoat.thameside.example", 3128),
                         last_comm=("FAILED", fails[-1]), comm_failure="Communication message send error",
                         next_comm=fails[-1] + 15 * MIN)
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [first - 10 * DAY, first - 40 * DAY])
    s.must = ["proxy-auth-required"]
    s.must_not = ["CSCvc94366", "proxy-denied", "dns-failure", "tls-interception", "tls-untrusted-ca",
                  "communication-failure", "auth-expired", "tcp-blocked"]
    s.healthy_until_deadline(snap.comm_deadline, "proxy")
    s.event_at("authorization.renew.failed", tr.file_of(fails[-1]), fails[-1], 2,
               "capture: the proxy's 407 to the second CONNECT, at this packet time (GMT = UTC)")
    s.event_at("authorization.renew.succeeded", tr.file_of(olds[1]), olds[1], 2,
               "the Oct 20 renewal: BST (UTC+1) wall time in the trace")
    s.deadline_basis("printed Communication Deadline = last success (Nov 19) + 90 d − 298 s")
    return s


def dns_failure(capture: bool) -> Sample:
    s = Sample("dns-failure-jerusalem",
               Node("negev-cucm-pub", "Asia/Jerusalem",
                    "Negev Water Authority", "NWA-UC"),
               "The customer's DNS claims cisco.com and answers NXDOMAIN for tools.cisco.com. Its `show license` "
               "prints IST — Israel Standard Time (UTC+2), not India's: `show timezone config` says Asia/Jerusalem.",
               "captures.dns_nxdomain (dnsmasq --local=/cisco.com/ + the agent's A/AAAA lookups)")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.dns_nxdomain, 8)
    tr = Trace(s.node)
    first = meta["attempts"][0]["first"]
    initial = first - 150 * DAY
    olds = st.history(tr, first - 66 * DAY - 5 * HOUR, 2)
    fails = []
    for a in meta["attempts"]:
        fails.append(st.renewal_failed(tr, a["first"] - 0.01, a["last"] + 0.004, st.ERR_ABORTED,
                                       exception=st.UNKNOWN_HOST))
    snap = st.registered(initial, initial + 0.5, olds[-1], st.usage(Enhanced=(150, "InCompliance")),
                         st.direct_transport(), last_comm=("FAILED", fails[-1]),
                         comm_failure="Communication message send error", next_comm=fails[-1] + 15 * MIN)
    snap.last_renewal = None
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [first - 20 * DAY])
    s.must = ["dns-failure"]
    s.must_not = ["communication-failure", "tcp-blocked", "tls-interception", "tls-untrusted-ca", "proxy-denied",
                  "CSCvc94366", "auth-expired"]
    s.healthy_until_deadline(snap.comm_deadline, "direct")
    s.event_at("authorization.renew.failed", tr.file_of(fails[-1]), fails[-1], 2,
               "capture: the NXDOMAIN answers of the second attempt at this packet time; the trace is IST = UTC+2")
    s.deadline_basis("printed Communication Deadline (IST = Israel, UTC+2) = last success + 90 d − 298 s")
    return s


def tls_interception(capture: bool) -> Sample:
    s = Sample("tls-interception-paris",
               Node("lyre-cucm-pub", "Europe/Paris",
                    "Lyre Assurances", "VA-Telephonie"),
               "A firewall inspects TLS and answers for tools.cisco.com with its own CA; the product rejects it. "
               "Not FN72318: the chain does not come from IdenTrust/HydrantID.",
               "captures.tls_rejected('interception'): TLS server with a firewall-CA chain, curl trusting the public-like root")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.tls_rejected, 9, "interception")
    return _tls_failure(s, meta, must=["tls-interception"], must_not=["tls-untrusted-ca", "communication-failure",
                                                                       "dns-failure", "tcp-blocked", "auth-expired"],
                        why="the product's fatal alert after the firewall's certificate")


def fn72318(capture: bool) -> Sample:
    s = Sample("fn72318-tokyo",
               Node("kiso-cm-pub1", "Asia/Tokyo",
                    "Kiso Seimitsu K.K.", "JP-UC-Prod"),
               "FN72318: the publisher was restored from an old backup whose trust store has only QuoVadis Root CA 2; "
               "it rejects the real (IdenTrust → HydrantID) chain of tools.cisco.com. Not interception.",
               "captures.tls_rejected('old-store'): TLS server with the public-like chain, openssl s_client "
               "-verify_return_error with a QuoVadis-only CAfile")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.tls_rejected, 10, "old-store")
    return _tls_failure(s, meta, must=["tls-untrusted-ca"], must_not=["tls-interception", "communication-failure",
                                                                       "dns-failure", "tcp-blocked", "auth-expired"],
                        why="the product's unknown_ca alert after the HydrantID chain")


def _tls_failure(s: Sample, meta: dict, must: list[str], must_not: list[str], why: str) -> Sample:
    tr = Trace(s.node)
    first = meta["attempts"][0]["first"]
    initial = first - 500 * DAY
    last_ren = initial + 360 * DAY
    tr.notify(last_ren, "IdCertRenewSuccess", thread="SLM-11")
    olds = st.history(tr, first - 70 * DAY - 7 * HOUR, 2)
    fails = []
    for day in (9, 6, 3):
        t = first - day * DAY + 4 * HOUR
        fails.append(st.renewal_failed(tr, t, t + 0.08, st.ERR_ABORTED, exception=st.PKIX))
    for a in meta["attempts"]:
        fails.append(st.renewal_failed(tr, a["first"] - 0.015, a["last"] + 0.01, st.ERR_ABORTED, exception=st.PKIX))
    snap = st.registered(initial, last_ren, olds[-1], st.usage(Enhanced=(320, "InCompliance"), Basic=(80, "InCompliance")),
                         st.direct_transport(), last_comm=("FAILED", fails[-1]),
                         comm_failure="Communication message send error", next_comm=fails[-1] + 15 * MIN)
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [first - 15 * DAY])
    s.must, s.must_not = must, must_not
    s.healthy_until_deadline(snap.comm_deadline, "direct")
    s.event_at("authorization.renew.failed", tr.file_of(fails[-1]), fails[-1], 2, f"capture: {why}, at this packet time")
    s.deadline_basis("printed Communication Deadline = last success + 90 d − 298 s")
    return s


def capture_clock_off(capture: bool) -> Sample:
    """The capture came from the SPAN collector, whose clock runs 4 min 37 s fast; the publisher is on NTP."""
    off = 277.0
    s = Sample("capture-clock-off-losangeles",
               Node("pcx-cucm-pub", "America/Los_Angeles",
                    "Pacific Crest Orthopedics", "PCO-Voice"),
               "A capture taken on another host whose clock is 4 min 37 s fast: the same renewal is 277 s apart in "
               "the capture and in the traces. That is a clock error, not a zone: an info clock-skew finding saying one "
               "of the two clocks is off and the timeline keeps the node's clock.",
               "captures.direct; the traces are written at the packet times − 277 s (the publisher's true time)")
    s.fresh(keep=("packets.cap",))
    meta = captured(s, capture, captures.direct, 13, 3, 6.0)
    tr = Trace(s.node)
    first = meta["attempts"][0]["first"] - off
    initial = first - 250 * DAY
    last_ren = initial + 180 * DAY
    tr.notify(last_ren, "IdCertRenewSuccess", thread="SLM-11")
    st.history(tr, first - 85 * DAY, 2)
    oks = []
    for i, a in enumerate(meta["attempts"]):
        tr.cli(a["first"] - off - 1.8, "license smart renew auth")
        oks.append(st.renewal_ok(tr, a["first"] - off - 0.015, a["last"] - off))
    snap = st.registered(initial, last_ren, oks[-1], st.usage(Enhanced=(70, "InCompliance")), st.direct_transport())
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [first - 30 * DAY])
    s.must = ["clock-skew"]
    s.must_not = [r for r in bd.FAILURE_RULES if r != "clock-skew"]
    s.healthy_until_deadline(snap.comm_deadline, "direct")
    s.skew = {"required": True, "offset_seconds": off, "tolerance_seconds": 2,
              "basis": "by construction: traces at packet time − 277 s; seconds to add to log times to reach the "
                       "capture clock (the sign licscope reports)"}
    for a, t in zip(meta["attempts"], oks):
        s.event_at("authorization.renew.succeeded", tr.file_of(t), t, 2,
                   "the publisher's (NTP) time of the renewal = capture packet time − 277 s; PST wall time in the trace")
    s.deadline_basis("printed Communication Deadline = last success + 90 d − 298 s (publisher clock)")
    return s
