#!/usr/bin/env python3
"""Writes the zone scenarios: License Manager traces in local wall time without a zone (as CUCM prints them) and
`show license all` outputs printing the same attempts with the zone's abbreviation. True instants are in UTC below;
every local time is derived from them with the tz database. Run from this folder: python3 generate.py"""
import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc
def u(s): return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)

# name: (zone, registration success, [communication failures], last authorization success, timezone config?)
SCENARIOS = {
    "kolkata": ("Asia/Kolkata", u("2026-03-10 04:30:00"), [u("2026-03-10 20:15:00")], u("2026-03-11 06:45:10"), False),
    "new-york-november": ("America/New_York", u("2026-10-31 14:00:00"),
                          [u("2026-11-01 05:30:00"), u("2026-11-01 06:10:00")], u("2026-11-01 14:00:00"), False),
    "zurich-october": ("Europe/Zurich", u("2026-10-24 08:00:00"),
                       [u("2026-10-25 00:40:00"), u("2026-10-25 01:20:00")], u("2026-10-25 09:00:00"), True),
    "tokyo": ("Asia/Tokyo", u("2026-06-01 01:00:00"), [u("2026-06-01 15:30:00")], u("2026-06-02 02:00:05"), False),
    "london-march": ("Europe/London", u("2026-03-28 10:00:00"), [u("2026-03-29 00:30:00")], u("2026-03-29 02:30:00"), False),
    "utc": ("UTC", u("2026-05-01 09:00:00"), [u("2026-05-01 12:00:00")], u("2026-05-02 09:00:00"), False),
}

def trace(t, zone, level, sev, thread, cls, msg):
    w = t.astimezone(ZoneInfo(zone))
    return f"{w:%H:%M:%S}.{w.microsecond // 1000:03d} |4211,,,CiscoSLM,{sev},{w:%d-%m-%Y} {level} [{thread}] {cls} - {msg}\n"

def cli(t, zone):
    w = t.astimezone(ZoneInfo(zone))
    return f"{w:%b} {w.day} {w:%H:%M:%S} {w.year} {w.tzname()}"

def show_license_all(registration, authorization, udi=True):
    """`show license all` of a registered node, with its Registration and License Authorization lines."""
    out = ("admin:show license all\nSmart Licensing Status\n=======================\nSmart Licensing is ENABLED\n \n"
           "Registration:\n  Status: REGISTERED\n  Smart Account: BU Production Test\n"
           "  Virtual Account: TAC-CollabTesting\n  Export-Controlled Functionality: Allowed\n")
    out += "".join(f"  {l}\n" for l in registration) + " \nLicense Authorization:\n"
    out += "".join(f"  {l}\n" for l in authorization) + " \nEvaluation Period:\n  Evaluation Mode: Not In Use\n"
    if udi:
        out += " \nProduct Information\n===================\nUDI: PID:UCM,SN:37624,UUID:6fe83addc80240bc92dc071ac7a37624\n"
    return out

NOTIFY = "com.cisco.nesla.agent.impl.SmartAgentImpl#notify"
URL = "https://tools.cisco.com/its/service/oddce/services/DDCEService"

for name, (zone, reg, failures, auth, tzconfig) in SCENARIOS.items():
    os.makedirs(name, exist_ok=True)
    lines = [trace(reg, zone, "INFO", 6, "SLM-12", NOTIFY, "ciscoSlaSmartAgentNotifyRegisterSuccess"),
             trace(reg + timedelta(seconds=40), zone, "INFO", 6, "SLM-12", NOTIFY, "ciscoSlaSmartAgentNotifyAuthRenewSuccess")]
    for f in failures:
        lines.append(trace(f, zone, "ERROR", 3, "SLM-12", "com.callhome.module.transport.HttpClient#send",
                           f"Fail to send out Smart Licensing message to: {URL} (ERR 205 : Request Aborted)"))
        lines.append(trace(f + timedelta(milliseconds=1), zone, "ERROR", 3, "SLM-12", NOTIFY,
                           "ciscoSlaSmartAgentNotifyAuthRenewFail: Communication message send error"))
    lines.append(trace(auth, zone, "INFO", 6, "SLM-12", NOTIFY, "ciscoSlaSmartAgentNotifyAuthRenewSuccess"))
    with open(f"{name}/slm.log", "w") as fh:
        fh.writelines(lines)
    day = timedelta(days=1)
    out = show_license_all(
        [f"Initial Registration: SUCCEEDED on {cli(reg, zone)}", f"Last Renewal Attempt: SUCCEEDED on {cli(reg, zone)}",
         f"Next Renewal Attempt: {cli(reg + 180 * day, zone)}", f"Registration Expires: {cli(reg + 365 * day, zone)}"],
        [f"Status: AUTHORIZED on {cli(auth, zone)}", f"Last Communication Attempt: SUCCEEDED on {cli(auth, zone)}",
         f"Next Communication Attempt: {cli(auth + 30 * day, zone)}",
         f"Communication Deadline: {cli(auth + 90 * day, zone)}"])
    with open(f"{name}/show-license-all.txt", "w") as fh:
        fh.write(out)
    if tzconfig:
        with open(f"{name}/show-timezone-config.txt", "w") as fh:
            fh.write(f"admin:show timezone config\nCurrent timezone: Central European Time ({zone})\nTimezone version: 2024a\n")

# A zip whose only member, a syslog with yearless stamps, is dated 2018 in its header (DOS date, no extended
# timestamp): its lines belong to 2018 whatever the day the analysis runs.
import zipfile
with zipfile.ZipFile("yearless-2018.zip", "w") as z:
    zi = zipfile.ZipInfo("cucm-pub/syslog/CiscoSyslog", date_time=(2018, 7, 22, 8, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(zi, "".join(
        f"Jul {d} 09:41:23 cucm-pub: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software "
        "Manager (CSSM) : Fail to send out Call Home HTTP message.\n" for d in (20, 21)))

# A zip of the kolkata bundle as a Windows archiver in India writes it: DOS dates only (the zipping host's local
# wall time, no extended timestamp), 2026-03-11 14:15:10 IST = 08:45:10 UTC, two hours after the last printed
# activity. The output prints no collection time, so it is placed at its member date, read in Asia/Kolkata.
with zipfile.ZipFile("kolkata-dos.zip", "w") as z:
    for f in ("show-license-all.txt", "slm.log"):
        zi = zipfile.ZipInfo(f"cucm-pub/{f}", date_time=(2026, 3, 11, 14, 15, 10))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with open(f"kolkata/{f}") as fh:
            z.writestr(zi, fh.read())

# capture-ahead: the capture of ../Scenarios/skewed-clock (attempts on the wire at 10:02:09, 10:17:09 and 10:32:09
# UTC on 2022-03-14) taken on a host whose clock is 7 min 23 s ahead; the node runs in Asia/Tokyo and is right.
import shutil
os.makedirs("capture-ahead", exist_ok=True)
shutil.copyfile("../Scenarios/skewed-clock/packets.cap", "capture-ahead/packets.cap")
wire = [u("2022-03-14 10:02:09"), u("2022-03-14 10:17:09"), u("2022-03-14 10:32:09")]
TOKYO_CONFIG = "admin:show timezone config\nCurrent timezone: Japan Standard Time (Asia/Tokyo)\nTimezone version: 2024a\n"

def failed_attempt(t, notification):
    """A failed attempt at node time `t` (Asia/Tokyo wall time): the Call Home send error, then the agent's notification."""
    return (trace(t + timedelta(milliseconds=30), "Asia/Tokyo", "ERROR", 3, "SLM-12",
                  "com.callhome.module.transport.HttpClient#send",
                  f"Fail to send out Smart Licensing message to: {URL} (ERR 205 : Request Aborted)")
            + trace(t + timedelta(milliseconds=31), "Asia/Tokyo", "ERROR", 3, "SLM-12", NOTIFY,
                    f"{notification}: Communication message send error"))

with open("capture-ahead/slm.log", "w") as fh:
    for t in wire:
        fh.write(failed_attempt(t - timedelta(minutes=7, seconds=23), "ciscoSlaSmartAgentNotifyRegisterFailed"))
with open("capture-ahead/show-timezone-config.txt", "w") as fh:
    fh.write(TOKYO_CONFIG)

# node-clock-behind: the same capture (attempts on the wire at 10:02:09, 10:17:09 and 10:32:09 UTC on 2022-03-14,
# taken on a correct host); the Tokyo node's clock runs 2h07m23s behind. Its traces and its show license output
# agree with each other (both on its clock, the output printing JST); the CSSM-issued Communication Deadline and
# Registration Expires are true instants, so both sit 2h07m23s (less CSSM's lead) after what the node's own
# success times give: the engine's clock_skew anomaly.
os.makedirs("node-clock-behind", exist_ok=True)
shutil.copyfile("../Scenarios/skewed-clock/packets.cap", "node-clock-behind/packets.cap")
behind = timedelta(hours=2, minutes=7, seconds=23)
lead = timedelta(seconds=298)
renewed, authorized = u("2021-12-20 03:00:00"), u("2022-03-10 05:00:00")  # true instants
with open("node-clock-behind/slm.log", "w") as fh:
    fh.write(trace(renewed - behind, "Asia/Tokyo", "INFO", 6, "SLM-12", NOTIFY, "ciscoSlaSmartAgentNotifyRegisterSuccess"))
    fh.write(trace(authorized - behind, "Asia/Tokyo", "INFO", 6, "SLM-12", NOTIFY, "ciscoSlaSmartAgentNotifyAuthRenewSuccess"))
    for t in wire:
        fh.write(failed_attempt(t - behind, "ciscoSlaSmartAgentNotifyAuthRenewFail"))
with open("node-clock-behind/show-timezone-config.txt", "w") as fh:
    fh.write(TOKYO_CONFIG)
last_failure = wire[-1] - behind + timedelta(milliseconds=31)
with open("node-clock-behind/show-license-all.txt", "w") as fh:
    fh.write(show_license_all(
        [f"Initial Registration: SUCCEEDED on {cli(renewed - behind, 'Asia/Tokyo')}",
         f"Last Renewal Attempt: SUCCEEDED on {cli(renewed - behind, 'Asia/Tokyo')}",
         # The node schedules its next renewal on its own clock: it moves with the logs on a rebuild.
         f"Next Renewal Attempt: {cli(renewed - behind + timedelta(days=180), 'Asia/Tokyo')}",
         f"Registration Expires: {cli(renewed + timedelta(days=365) - lead, 'Asia/Tokyo')}"],
        [f"Status: AUTHORIZED on {cli(authorized - behind, 'Asia/Tokyo')}",
         f"Last Communication Attempt: FAILED on {cli(last_failure, 'Asia/Tokyo')}",
         "  Failure reason: Communication message send error",
         f"Communication Deadline: {cli(authorized + timedelta(days=90) - lead, 'Asia/Tokyo')}"], udi=False))
