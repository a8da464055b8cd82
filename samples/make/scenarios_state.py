"""The samples whose story is in the states and timers (no network to capture), plus the two whose lesson is the
bundle's form: yearless syslog across New Year in a tar.gz, and a mix of zip, gz and a damaged capture."""
from __future__ import annotations

import gzip
import io
import os
import tarfile
import zipfile

import bundle as bd
import captures
import cucm_text as ct
import story as st
from bundle import Sample
from cucm_text import DAY, Node, Trace
from scenarios_network import SLM, captured, standard_outputs
from story import HOUR, MIN


def slm_stopped(capture: bool) -> Sample:
    z = "America/Chicago"
    s = Sample("slm-stopped-chicago",
               Node("mwgrain-cucm-pub", z, "Midwest Grain Co-op", "MGC-UC"),
               "CSCvf86710: Smart License Manager is STOPPED on the publisher; `show license` prints nothing, the "
               "traces stop on Oct 2 and the Oct 25 renewal never happens. CDT traces, CST collection.",
               "written from the story (no network); the service list shows the service STOPPED")
    s.fresh()
    tr = Trace(s.node)
    olds = st.history(tr, st.at(z, 2026, 7, 27, 10, 14, 3), 3)   # Jul 27, Aug 26, Sep 25 (CDT)
    stop = st.at(z, 2026, 10, 2, 3, 12, 44, 518)
    tr.add(stop, "INFO", "main", "com.cisco.slm.server.SlmServer#shutdown", "Smart License Manager stopping")
    collected = st.at(z, 2026, 11, 18, 15, 42, 10)
    for cmd in ("all", "status", "summary", "usage"):
        s.write(f"show-license-{cmd}.txt", f"admin:show license {cmd}\n\nadmin:\n")
    s.write("utils-service-list.txt", ct.utils_service_list(publisher=True, slm_status="STOPPED"))
    s.write("show-timezone-config.txt", ct.show_timezone_config(z))
    tr.write_rotated(s.bundle / SLM, "slm.log", [olds[2] - DAY], gzip_from=1)
    os.utime(s.bundle / "utils-service-list.txt", (collected, collected))
    s.must = ["CSCvf86710"]
    s.must_not = ["subscriber-not-publisher", "auth-expired", "no-provisioning", "eval-expired", "communication-failure"]
    s.final_states = {"registration": "REGISTERED", "authorization": "AUTHORIZED"}
    s.event_at("authorization.renew.succeeded", tr.file_of(olds[2]), olds[2], 2, "the last renewal, Sep 25 10:14:04 CDT (UTC−5)")
    s.runway_at("authorization", "AUTHORIZATION EXPIRED", olds[2] + 90 * DAY, 600,
                "last success in the traces + the documented 90 days (no printed deadline: the outputs are empty); "
                "CSSM issues it a few minutes earlier")
    s.notes = ["No show license output has content, so zone and year come from show timezone config and the traces."]
    return s


def subscriber(capture: bool) -> Sample:
    z = "Europe/Madrid"
    s = Sample("subscriber-empty-madrid",
               Node("vlc-cucm-sub2", z),
               "The customer collected from a subscriber: every `show license` is empty and the service list has no "
               "Smart License Manager. Normal there — not CSCvf86710.",
               "written: empty outputs and a subscriber's service list (Primary Node =false)")
    s.fresh()
    for cmd in ("all", "status", "summary", "usage"):
        s.write(f"show-license-{cmd}.txt", f"admin:show license {cmd}\n\nadmin:\n")
    s.write("utils-service-list.txt", ct.utils_service_list(publisher=False))
    s.write("show-timezone-config.txt", ct.show_timezone_config(z))
    s.must = ["subscriber-not-publisher"]
    s.must_not = ["CSCvf86710", "auth-expired", "eval-expired", "no-provisioning", "communication-failure"]
    return s


def satellite(capture: bool) -> Sample:
    z = "Australia/Sydney"
    url = "https://sat01.oceanic-rail.example/Transportgateway/services/DeviceRequestHandler"
    s = Sample("satellite-tier-gap-sydney",
               Node("orc-cucm-pub", z, "Oceanic Rail Corp", "ORC-Satellite"),
               "CSCvh16069: through an SSM satellite, Enhanced is out of compliance while CUWL has spare licences "
               "(200 bought, 120 used); CSSM would lend them down, the satellite does not. Traces cross the start of "
               "Australian daylight time (Oct 4 2026: AEST → AEDT).",
               "written from the story; the satellite's counts are in notes (CUCM does not print them)")
    s.fresh()
    tr = Trace(s.node)
    tr.cli(st.at(z, 2025, 11, 3, 9, 2), f"license smart transport gateway {url}")
    initial = st.at(z, 2025, 11, 3, 9, 6, 40)
    oks = st.history(tr, st.at(z, 2026, 9, 14, 8, 30, 12), 2, url=url)    # Sep 14 AEST: in compliance
    for tier in ("CUWL", "Enhanced", "Basic"):
        tr.entitlement(oks[0] - 30, tier)
    ooc_first = st.at(z, 2026, 9, 29, 11, 5, 37)                        # 62 Enhanced phones added Sep 29
    tr.entitlement(ooc_first - 1, "Enhanced")
    ooc = []
    t = ooc_first
    while t < st.at(z, 2026, 10, 21, 0, 0):
        ooc.append(st.renewal_ok(tr, t, t + 1.2, url))
        t += 12 * HOUR   # next attempt 12 h after an out-of-compliance answer (domain-notes §4.2)
    syslog = [st.rtmt_line(ooc_first + 40, z, "orc-cucm-pub", 4211, "SmartLicenseInOverage_OutOfCompliance",
                           "Smart Licensing is in overage: Out of Compliance")]
    s.write("syslog/CiscoSyslog", "\n".join(syslog) + "\n")
    last = ooc[-1]
    snap = st.registered(initial, initial + 180 * DAY + 3, last,
                         st.usage(CUWL=(120, "InCompliance"), Enhanced=(372, "OutOfCompliance"), Basic=(40, "InCompliance")),
                         st.gateway_transport(url), authorization="OUT OF COMPLIANCE", next_comm=last + 12 * HOUR)
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [st.at(z, 2026, 10, 8, 0, 0)])
    s.must = ["CSCvh16069", "out-of-compliance"]
    s.must_not = ["communication-failure", "auth-expired", "no-provisioning", "CSCvf86710", "tls-interception"]
    s.final_states = {"registration": "REGISTERED", "authorization": "OUT OF COMPLIANCE"}
    s.event_at("authorization.renew.succeeded", tr.file_of(oks[0]), oks[0], 2, "Sep 14 renewal: AEST (UTC+10) wall time")
    s.event_at("authorization.renew.succeeded", tr.file_of(ooc[-1]), ooc[-1], 2, "the last 12-hourly renewal: AEDT (UTC+11)")
    s.event_at("alert.raised", "CiscoSyslog", ooc_first + 40, 2,
               "RTMT InOverage_OutOfCompliance 40 s after the first out-of-compliance answer; yearless AEST syslog")
    s.runway_at("enforcement", "NO PROVISIONING", ooc_first + 90 * DAY, 3600,
                "first out-of-compliance answer (Sep 29 11:05 AEST) + the documented 90-day overage (CUCM 15 FCG)")
    s.notes = ["Satellite (not in the bundle): UC Manager CUWL 200 purchased, 120 in use; Enhanced 310 purchased, 372 in use."]
    return s


def eval_expired(capture: bool) -> Sample:
    z = "Asia/Seoul"
    s = Sample("eval-expired-seoul",
               Node("hanbit-cucm-pub", z),
               "Installed Jun 2, never registered: the 90-day evaluation expired on Aug 31 and provisioning stopped.",
               "written from the story: install, warnings, expiry, RTMT alert")
    s.fresh()
    tr = Trace(s.node)
    install = st.at(z, 2026, 6, 2, 10, 20, 31)
    expiry = install + 90 * DAY
    tr.notify(install, "Ready", thread="main")
    for left in (30, 7, 1):
        tr.notify(expiry - left * DAY, "EvalExpiryWarning", thread="SLM-11")
    tr.notify(expiry, "EvalExpired", thread="SLM-11")
    collected = st.at(z, 2026, 9, 14, 16, 3, 55)
    snap = ct.Snapshot(registration="UNREGISTERED", authorization="EVALUATION EXPIRED", authorization_on=expiry,
                       eval_in_use=False, eval_expired_on=expiry, last_comm=None,
                       usage={"Enhanced": (64, "EvalExpired"), "Essential": (12, "EvalExpired")})
    standard_outputs(s, snap)
    s.write("syslog/CiscoSyslog", st.rtmt_line(expiry + 62, z, "hanbit-cucm-pub", 1187,
                                               "SmartLicenseNoProvision_EvalExpired",
                                               "Evaluation period expired; no provisioning") + "\n")
    tr.write_rotated(s.bundle / SLM, "slm.log", [expiry - 10 * DAY])
    os.utime(s.bundle / "show-license-all.txt", (collected, collected))
    s.must = ["eval-expired", "no-provisioning"]
    s.must_not = ["auth-expired", "registration-expired", "CSCvf86710", "communication-failure", "subscriber-not-publisher"]
    s.final_states = {"registration": "UNREGISTERED", "authorization": "EVALUATION EXPIRED", "enforcement": "NO PROVISIONING"}
    s.event_at("evaluation.expired", tr.file_of(expiry), expiry, 2, "install Jun 2 10:20:31 KST + 90 d, as the trace prints it")
    s.transition_at("authorization", "EVALUATION EXPIRED", expiry, 60,
                    "the printed EVALUATION PERIOD EXPIRED instant (KST, UTC+9) = install + the documented 90 days")
    return s


def auth_expired(capture: bool) -> Sample:
    z = "America/Denver"
    s = Sample("auth-expired-no-provisioning-denver",
               Node("frontrange-cm-pub", z, "Front Range Credit Union", "FRCU-Collab"),
               "A firewall change on Mar 12 cut the publisher off. 90 days after the last success (Mar 10, MDT) "
               "authorization expired; 90 days of overage later provisioning stopped. Collected in November (MST).",
               "written from the story; failures once a day, alerts in syslog")
    s.fresh()
    tr = Trace(s.node)
    initial = st.at(z, 2025, 6, 16, 14, 2, 11)
    last_ren = initial + 180 * DAY + 2
    olds = st.history(tr, st.at(z, 2026, 1, 9, 9, 41, 7), 3)      # Jan 9, Feb 8 (MST), Mar 10 (MDT)
    last_ok = olds[-1]
    deadline = last_ok + 90 * DAY - st.SERVER_LEAD
    t = last_ok + 30 * DAY
    fails = []
    end = st.at(z, 2026, 11, 16, 8, 0)
    while t < end:
        fails.append(st.renewal_failed(tr, t, t + 30.02, st.ERR_TIMEOUT))
        t += 7 * DAY
    collected = st.at(z, 2026, 11, 16, 11, 27, 45)
    alerts = [st.rtmt_line(deadline + 31, z, "frontrange-cm-pub", 6020, "SmartLicenseInOverage_AuthorizationExpired",
                           "Authorization expired; in overage"),
              st.rtmt_line(deadline + 90 * DAY + 31, z, "frontrange-cm-pub", 9313,
                           "SmartLicenseNoProvision_AuthorizationExpired", "Authorization expired; no provisioning")]
    s.write("syslog/CiscoSyslog", "\n".join(alerts) + "\n")
    snap = st.registered(initial, last_ren, last_ok, st.usage(Enhanced=(530, "InCompliance"), Basic=(140, "InCompliance")),
                         st.direct_transport(), last_comm=("FAILED", fails[-1]),
                         comm_failure="Communication message send error", next_comm=fails[-1] + 7 * DAY,
                         authorization="AUTHORIZATION EXPIRED", authorization_on=deadline)
    standard_outputs(s, snap)
    tr.write_rotated(s.bundle / SLM, "slm.log", [st.at(z, 2026, 9, 1, 0, 0), st.at(z, 2026, 5, 1, 0, 0)])
    os.utime(s.bundle / "show-license-all.txt", (collected, collected))
    s.must = ["auth-expired", "no-provisioning"]
    s.must_not = ["eval-expired", "CSCvf86710", "subscriber-not-publisher", "registration-expired"]
    s.final_states = {"registration": "REGISTERED", "authorization": "AUTHORIZATION EXPIRED",
                      "enforcement": "NO PROVISIONING"}
    s.event_at("authorization.renew.succeeded", tr.file_of(last_ok), last_ok, 2,
               "the last success, Mar 10 09:41 MDT (UTC−6, two days after DST began)")
    s.transition_at("authorization", "AUTHORIZATION EXPIRED", deadline, 360,
                    "printed Communication Deadline = last success + 90 d − 298 s")
    s.transition_at("enforcement", "NO PROVISIONING", deadline + 90 * DAY, 3600,
                    "authorization expiry + the documented 90-day overage (CUCM 15 FCG)")
    return s


def yearless_new_year(capture: bool) -> Sample:
    z = "Europe/Helsinki"
    s = Sample("yearless-new-year-helsinki",
               Node("aalto-cucm-pub", z, "Saimaa Energia Oy", "SE-Puhelin"),
               "CUCM's remote syslog has no year: RTMT alerts from Dec 30 to Jan 2 sit in a tar.gz collected on "
               "Jan 2 2026. The Dec lines are 2025, the Jan lines 2026 (member dates and the show output's year say so).",
               "written from the story into collect.tar.gz (member mtimes = the collection instant)")
    s.fresh()
    host = "aalto-cucm-pub"
    cut = st.at(z, 2025, 12, 29, 23, 40, 0)   # the WAN link was re-addressed; Call Home times out since
    lines, fails, alerts, tr = [], [], [], Trace(s.node)
    olds = st.history(tr, st.at(z, 2025, 11, 1, 6, 12, 51), 2)    # Nov 1, Dec 1 (EET)
    t, seq = cut + 37 * MIN, 3301
    while t < st.at(z, 2026, 1, 2, 9, 0):
        fails.append(st.renewal_failed(tr, t, t + 30.02, st.ERR_TIMEOUT))
        alerts.append(t + 31)
        lines.append(st.rtmt_line(t + 31, z, host, seq, "SmartLicenseCommunicationError",
                                  "Smart Licensing communication error with CSSM"))
        seq += 1
        t += 11 * HOUR + 13 * MIN
    collected = st.at(z, 2026, 1, 2, 10, 5, 33)
    snap = st.registered(olds[0] - 200 * DAY, olds[0] - 20 * DAY, olds[-1], st.usage(Enhanced=(210, "InCompliance")),
                         st.direct_transport(), last_comm=("FAILED", fails[-1]),
                         comm_failure="Communication message send error", next_comm=fails[-1] + 15 * MIN)
    members = {
        "collect/syslog/CiscoSyslog": "\n".join(lines) + "\n",
        "collect/show-license-status.txt": ct.show_license_status(snap, s.node),
        "collect/show-timezone-config.txt": ct.show_timezone_config(z),
        "collect/utils-service-list.txt": ct.utils_service_list(publisher=True),
    }
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), int(collected), 0o644
            tar.addfile(info, io.BytesIO(data))
    s.write("collect.tar.gz", gzip.compress(buf.getvalue(), mtime=int(collected)))
    s.must = ["communication-failure"]
    s.must_not = ["auth-expired", "no-provisioning", "registration-expired", "eval-expired", "clock-skew"]
    s.final_states = {"registration": "REGISTERED", "authorization": "AUTHORIZED"}
    dec = [t for t in alerts if ct.local(t, z).year == 2025]
    jan = [t for t in alerts if ct.local(t, z).year == 2026]
    s.event_at("alert.raised", "CiscoSyslog", dec[0], 2, "first alert, Dec 30 2025 00:17 EET (yearless line)")
    s.event_at("alert.raised", "CiscoSyslog", dec[-1], 2, "last alert of 2025, Dec 31 EET (yearless line)")
    s.event_at("alert.raised", "CiscoSyslog", jan[0], 2, "first alert of 2026, Jan 1 EET (yearless line, after New Year)")
    s.runway_at("authorization", "AUTHORIZATION EXPIRED", snap.comm_deadline, 360,
                "printed Communication Deadline = last success (Dec 1 2025) + 90 d − 298 s")
    s.notes = ["No trace files: the customer sent syslog and CLI only. The alert lines carry no year and no zone."]
    return s


def mixed_archives(capture: bool) -> Sample:
    z = "Africa/Johannesburg"
    s = Sample("mixed-archives-johannesburg",
               Node("karoo-cucm-pub", z, "Karoo Mining Holdings", "KMH-UC"),
               "A bundle as customers send it: show outputs in a zip, rotated traces as .gz, one good capture and one "
               "cut off mid-frame. The damaged capture makes the input partly unreadable; the rest is analyzed.",
               "captures.direct, 3 renewals; the first one's frames went to packets-earlier-damaged.cap, cut 37 bytes into its 12th frame")
    s.fresh(keep=("packets.cap", "packets-earlier-damaged.cap"))
    meta = captured(s, capture, captures.direct, 15, 3, 4.0)
    a = meta["attempts"]
    if capture:   # the first attempt goes to the damaged copy, cut 37 bytes into its 12th frame
        raw = (s.bundle / "packets.cap").read_bytes()
        first, rest = _split(raw, a[1]["first_frame"])
        s.write("packets-earlier-damaged.cap", _cut_in_frame(first, 12, 37))
        s.write("packets.cap", rest)
    tr = Trace(s.node)
    initial = a[0]["first"] - 100 * DAY
    st.history(tr, a[0]["first"] - 60 * DAY - 3 * HOUR, 2)
    oks = [st.renewal_ok(tr, x["first"] - 0.015, x["last"]) for x in a]
    snap = st.registered(initial, initial + 0.4, oks[-1], st.usage(Enhanced=(48, "InCompliance")), st.direct_transport())
    snap.last_renewal = None
    buf = io.BytesIO()
    stamp = ct.local(oks[-1] + 75, z).timetuple()[:6]   # members dated when the outputs were collected (local)
    members = [(f"show-license-{cmd}.txt", fn(snap, s.node)) for cmd, fn in
               (("all", ct.show_license_all), ("status", ct.show_license_status), ("usage", ct.show_license_usage))]
    members += [("show-timezone-config.txt", ct.show_timezone_config(z)),
                ("utils-service-list.txt", ct.utils_service_list(publisher=True))]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members:
            zf.writestr(zipfile.ZipInfo(f"karoo-cucm-pub/{name}", date_time=stamp), text, zipfile.ZIP_DEFLATED)
    s.write("karoo-cli.zip", buf.getvalue())
    tr.write_rotated(s.bundle / "traces", "slm.log", [a[0]["first"] - 30 * DAY], gzip_from=1)
    s.partly_unreadable = True
    s.must_not = bd.FAILURE_RULES
    s.healthy_until_deadline(snap.comm_deadline, "direct")
    s.event_at("authorization.renew.succeeded", tr.file_of(oks[-1]), oks[-1], 2,
               "capture: second renewal answered 200 at this packet time; SAST (UTC+2) in the gz'd trace")
    s.deadline_basis("printed Communication Deadline (inside the zip) = captured success + 90 d − 298 s")
    return s


def _cut_in_frame(pcap: bytes, frame: int, into: int) -> bytes:
    """The classic pcap `pcap` cut `into` bytes into frame number `frame` (1-based): a capture copied off a
    box before tcpdump flushed."""
    off = 24
    for _ in range(frame - 1):
        incl = int.from_bytes(pcap[off + 8:off + 12], "little")
        off += 16 + incl
    return pcap[:off + 16 + into]


def _records(pcap: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each record of a little-endian classic pcap."""
    out, off = [], 24
    while off + 16 <= len(pcap):
        incl = int.from_bytes(pcap[off + 8:off + 12], "little")
        out.append((off, 16 + incl))
        off += 16 + incl
    return out


def _split(pcap: bytes, first_of_second: int) -> tuple[bytes, bytes]:
    """Frames before `first_of_second` (1-based) and the rest, each with the file header."""
    recs = _records(pcap)
    head = pcap[:24]
    cut = recs[first_of_second - 1][0]
    return pcap[:cut], head + pcap[cut:]
