"""What a CUCM publisher prints, in its own zone: `show license …`, `show timezone config`, `utils service list`
and License Manager traces. Layouts follow domain-notes §1.3 and §3 (the CUCM `show license` layouts of TAC-212915
are verbatim; the trace layout is the CuSlmSvr one, because no real CUCM slm.log is public).

Every instant is given in UTC epoch seconds and printed as the node's local wall time: with the zone abbreviation
in `show license` outputs (as CUCM does), without any zone in the traces and syslog (as CUCM's do).
"""
from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

DAY = 86400
DDCE = "https://tools.cisco.com/its/service/oddce/services/DDCEService"

TAGS = {
    "CUWL": ("UC Manager CUWL License (12.x)", "UC Manager CUWL License",
             "regid.2017-02.com.cisco.UCM_CUWL,12.0_cc59375a-1cd8-4b36-8366-6f4d2abba965"),
    "EnhancedPlus": ("UC Manager Enhanced Plus License (12.x)", "UC Manager Enhanced Plus License",
                     "regid.2016-07.com.cisco.UCM_EnhancedPlus,12.0_d8372792-588c-4caa-b279-8587e5ce2f82"),
    "Enhanced": ("UC Manager Enhanced License (12.x)", "UC Manager Enhanced License",
                 "regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a"),
    "Basic": ("UC Manager Basic License  (12.x)", "UC Manager Basic License",
              "regid.2016-07.com.cisco.UCM_Basic,12.0_ef827a2f-f4ae-4ebb-887f-052737063d3a"),
    "Essential": ("UC Manager Essential License (12.x)", "UC Manager Essential License",
                  "regid.2016-07.com.cisco.UCM_Essential,12.0_25f9c396-c67c-4519-aa98-d4b3ad18f805"),
    "TelePresenceRoom": ("UC Manager TelePresence Room License (12.x)", "UC Manager TelePresence Room License",
                         "regid.2016-07.com.cisco.UCM_TelePresenceRoom,12.0_d9a71418-29e9-4c9a-9d3a-1366ebe38e7c"),
}
TIER_ORDER = ["CUWL", "EnhancedPlus", "Enhanced", "Basic", "Essential", "TelePresenceRoom"]

ZONE_NAMES = {  # `show timezone config` descriptions (the first form is verbatim in domain-notes §5.5)
    "Asia/Kolkata": "India Standard Time", "America/New_York": "Eastern Standard Time",
    "Europe/Berlin": "Central European Time", "America/Chicago": "Central Standard Time",
    "Europe/Madrid": "Central European Time", "Australia/Sydney": "Australian Eastern Standard Time",
    "Europe/London": "Greenwich Mean Time", "Asia/Jerusalem": "Israel Standard Time",
    "Europe/Paris": "Central European Time", "Asia/Tokyo": "Japan Standard Time",
    "Asia/Seoul": "Korea Standard Time", "America/Denver": "Mountain Standard Time",
    "America/Los_Angeles": "Pacific Standard Time", "Europe/Helsinki": "Eastern European Time",
    "Africa/Johannesburg": "South Africa Standard Time",
}


def local(epoch: float, zone: str) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc).astimezone(ZoneInfo(zone))


def cli_time(epoch: float, zone: str) -> str:
    """`Jan 26 15:11:23 2018 IST` — day not padded (`Nov 9`), as in TAC-212915."""
    t = local(epoch, zone)
    return f"{t:%b} {t.day} {t:%H:%M:%S} {t.year} {t.tzname()}"


def iso_utc(epoch: float) -> str:
    return datetime.fromtimestamp(round(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def remaining(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // DAY} days, {s % DAY // 3600} hours, {s % 3600 // 60} minutes, {s % 60} seconds"


@dataclass
class Node:
    """One customer's publisher (or subscriber)."""
    host: str
    zone: str
    smart_account: str = ""
    virtual_account: str = ""
    pid: int = 4211
    uuid: str = ""
    serial: str = ""

    def __post_init__(self) -> None:
        # A well-formed 32-hex UUID per host; SN = its last 5 hex digits, as in both real UDIs (domain-notes §1.4).
        self.uuid = hashlib.md5(self.host.encode()).hexdigest()
        self.serial = self.uuid[-5:]

    @property
    def udi(self) -> str:
        return f"PID:UCM,SN:{self.serial},UUID:{self.uuid}"


# ---------------------------------------------------------------------------------------------- show license

@dataclass
class Snapshot:
    """What `show license all` prints. Instants are UTC epochs (None: the line is left out)."""
    registration: str = "REGISTERED"              # REGISTERED, UNREGISTERED, REGISTRATION EXPIRED
    initial_registration: tuple[str, float] | None = None   # ("SUCCEEDED", t)
    last_renewal: tuple[str, float] | None = None
    renewal_failure: str | None = None
    next_renewal: float | None = None
    registration_expires: float | None = None
    authorization: str = "AUTHORIZED"             # AUTHORIZED, EVAL MODE, OUT OF COMPLIANCE, AUTHORIZATION EXPIRED, EVALUATION EXPIRED
    authorization_on: float | None = None
    last_comm: tuple[str, float] | None = None    # ("SUCCEEDED"|"FAILED", t)
    comm_failure: str | None = None
    next_comm: float | None = None
    comm_deadline: float | None = None
    eval_in_use: bool = False
    eval_remaining: float | None = None           # seconds
    eval_expired_on: float | None = None
    usage: dict[str, tuple[int, str]] = field(default_factory=dict)   # tier -> (count, status)
    transport: list[str] = field(default_factory=list)               # extra "Transport:" lines
    export: str = "Allowed"


def _attempt(label: str, value: tuple[str, float] | None, zone: str, failure: str | None) -> list[str]:
    if value is None:
        return [f"  {label}: None"]
    out = [f"  {label}: {value[0]} on {cli_time(value[1], zone)}"]
    if failure:
        out.append(f"    Failure reason: {failure}")
    return out


def _registration(s: Snapshot, node: Node) -> list[str]:
    z = node.zone
    out = ["Registration:", f"  Status: {s.registration}"]
    if s.registration != "UNREGISTERED":
        out += [f"  Smart Account: {node.smart_account}", f"  Virtual Account: {node.virtual_account}"]
    out.append(f"  Export-Controlled Functionality: {s.export if s.registration != 'UNREGISTERED' else 'Not Allowed'}")
    if s.initial_registration:
        out.append(f"  Initial Registration: {s.initial_registration[0]} on {cli_time(s.initial_registration[1], z)}")
    if s.registration != "UNREGISTERED":
        out += _attempt("Last Renewal Attempt", s.last_renewal, z, s.renewal_failure)
    if s.next_renewal:
        out.append(f"  Next Renewal Attempt: {cli_time(s.next_renewal, z)}")
    if s.registration_expires:
        out.append(f"  Registration Expires: {cli_time(s.registration_expires, z)}")
    return out


def _authorization(s: Snapshot, node: Node, summary: bool = False) -> list[str]:
    z = node.zone
    status = s.authorization + (f" on {cli_time(s.authorization_on, z)}" if s.authorization_on and not summary else "")
    out = ["License Authorization:", f"  Status: {status}"]
    if s.eval_in_use and s.eval_remaining is not None:
        out.append(f"  Evaluation Period Remaining: {remaining(s.eval_remaining)}")
    if s.last_comm is None:
        out.append("  Last Communication Attempt: NONE")
    elif summary:
        out.append(f"  Last Communication Attempt: {s.last_comm[0]}")
    else:
        out += _attempt("Last Communication Attempt", s.last_comm, z, s.comm_failure)
    if s.next_comm:
        out.append(f"  Next Communication Attempt: {cli_time(s.next_comm, z)}")
    if s.comm_deadline and not summary:
        out.append(f"  Communication Deadline: {cli_time(s.comm_deadline, z)}")
    return out


def _usage_blocks(s: Snapshot) -> list[str]:
    out = []
    for tier in TIER_ORDER:
        if tier not in s.usage:
            continue
        count, status = s.usage[tier]
        title, desc, tag = TAGS[tier]
        if status == "Init":
            out += [f" ({tag})", "  Description: null"]
        else:
            out += [f"{title} ({tag})", f"  Description: {desc}"]
        out += [f"  Count: {count}", "  Version: 12.0", f"  Status: {status}", " "]
    return out


def _auth_word(s: Snapshot) -> str:
    return {"EVAL MODE": "EVALUATION MODE"}.get(s.authorization, s.authorization)


def show_license_all(s: Snapshot, node: Node) -> str:
    z = node.zone
    out = ["admin:show license all", "Smart Licensing Status", "=======================", "Smart Licensing is ENABLED",
           " "] + _registration(s, node) + [" "] + _authorization(s, node) + [" ", "Evaluation Period:"]
    out.append(f"  Evaluation Mode: {'In Use' if s.eval_in_use else 'Not In Use'}")
    if s.eval_in_use and s.eval_remaining is not None:
        out.append(f"  Evaluation Period Remaining: {remaining(s.eval_remaining)}")
    if s.eval_expired_on:
        out.append(f"  EVALUATION PERIOD EXPIRED on {cli_time(s.eval_expired_on, z)}")
    out += [" ", "License Usage", "============="]
    as_of = f" as of {cli_time(s.authorization_on, z)}" if s.authorization_on else ""
    out += [f"License Authorization Status: {_auth_word(s)}{as_of}", " "] + _usage_blocks(s)
    out += ["Product Information", "===================", f"UDI: {node.udi}", " ", "Agent Version", "=============",
            "Smart Agent for Licensing: 1.3.4"]
    if s.transport:
        out += [" "] + s.transport
    return "\n".join(out) + "\n"


def show_license_status(s: Snapshot, node: Node) -> str:
    out = ["admin:show license status", "", "Smart Licensing is ENABLED", " "] + _registration(s, node) + [" "]
    out += _authorization(s, node)
    if s.transport:
        out += [" "] + s.transport
    return "\n".join(out) + "\n"


def show_license_summary(s: Snapshot, node: Node) -> str:
    """The summary layout of TAC-212915 (§3.2): the tag column holds the UUID glued to the tag for rows in use."""
    z = node.zone
    reg = ["Registration:", f"  Status: {s.registration}"]
    if s.registration != "UNREGISTERED":
        reg += [f"  Smart Account: {node.smart_account}", f"  Virtual Account: {node.virtual_account}"]
        last = s.last_renewal
        reg.append(f"  Last Renewal Attempt: {last[0] + ' on ' + cli_time(last[1], z) if last else 'None'}")
    if s.next_renewal:
        reg.append(f"  Next Renewal Attempt: {cli_time(s.next_renewal, z)}")
    out = ["admin:show license summary", "Smart Licensing is ENABLED.", ""] + reg + [" "]
    out += _authorization(s, node, summary=True) + [" ", "License Usage:",
            "  License                     Entitlement Tag" + " " * 72 + "Count        Status",
            "  " + "-" * 134]
    for tier in TIER_ORDER:
        if tier not in s.usage:
            continue
        count, status = s.usage[tier]
        tag = TAGS[tier][2]
        prefix = " " * 28 if status == "Init" else tag.rsplit("_", 1)[1]
        out.append(f"  {prefix}{tag} {count:<12} {status}")
    return "\n".join(out) + "\n"


def show_license_usage(s: Snapshot, node: Node) -> str:
    z = node.zone
    as_of = f" as of {cli_time(s.authorization_on, z)}" if s.authorization_on else ""
    out = ["admin:show license usage", "License Authorization Status: " + _auth_word(s) + as_of, " "]
    return "\n".join(out + _usage_blocks(s)) + "\n"


def show_timezone_config(zone: str) -> str:
    return (f"admin:show timezone config\nCurrent timezone: {ZONE_NAMES[zone]} ({zone})\n"
            "Timezone version: 2025b\n")


def utils_service_list(publisher: bool, slm_status: str = "STARTED") -> str:
    out = ["admin:utils service list", "Requesting service status, please wait...", "System NTP [STARTED]",
           "System SSH [STARTED]", "Service Manager is running", "Getting list of all services",
           ">> Return code = 0", "A Cisco DB[STARTED]", "A Cisco DB Replicator[STARTED]", "Cisco CallManager[STARTED]",
           "Cisco CallManager Serviceability[STARTED]", "Cisco CDP[STARTED]", "Cisco Certificate Change Notification[STARTED]",
           "Cisco DRF Local[STARTED]", "Cisco Tftp[STARTED]", "Cisco Tomcat[STARTED]", "Cisco Trace Collection Servlet[STARTED]"]
    if publisher:
        out.insert(15, f"Cisco Smart License Manager[{slm_status}]")
        out.append("Cisco DRF Master[STARTED]")
    out += ["Cisco Audit Event Service[STOPPED]  Service Not Activated", f"Primary Node ={'true' if publisher else 'false'}"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- traces

@dataclass
class TraceLine:
    epoch: float
    text: str


class Trace:
    """License Manager trace lines in the CuSlmSvr layout (domain-notes §1.3), local wall time, no zone."""

    def __init__(self, node: Node, component: str = "CiscoSLM"):
        self.node, self.component = node, component
        self.lines: list[TraceLine] = []

    def add(self, epoch: float, level: str, thread: str, where: str, message: str) -> None:
        t = local(epoch, self.node.zone)
        sub = {"ERROR": 3, "INFO": 6, "DEBUG": 4, "WARN": 4}[level]
        head = f"{t:%H:%M:%S}.{int(epoch * 1000) % 1000:03d} |{self.node.pid},,,{self.component},{sub},{t:%d-%m-%Y}"
        self.lines.append(TraceLine(epoch, f"{head} {level} [{thread}] {where} - {message}"))

    # -- the Smart Agent's vocabulary (message texts from domain-notes §1.3, §2)

    def send(self, t: float, url: str = DDCE, thread: str = "SLM-12") -> None:
        self.add(t, "DEBUG", thread, "com.cisco.nesla.plugin.EmbeddedGCHCommunication#sendSCHMessage",
                 f"in sendMessage(), resetProfileHttpAddr to: {url}")
        self.add(t + 0.001, "INFO", thread, "com.callhome.module.message_processor.BaseMessage#makeAmlBlockAttachment",
                 "create attachment for smart_licensing_data with type inline")

    def response(self, t: float, thread: str = "SLM-12") -> None:
        self.add(t, "DEBUG", thread, "com.callhome.module.message_processor.BaseMessage#processResponseMessage",
                 "Process response message")

    def notify(self, t: float, what: str, reason: str | None = None, thread: str = "SLM-12") -> None:
        level = "ERROR" if what.endswith(("Fail", "Failed", "Failure", "Expired")) else "INFO"
        self.add(t, level, thread, "com.cisco.nesla.agent.impl.SmartAgentImpl#notify",
                 f"ciscoSlaSmartAgentNotify{what}" + (f": {reason}" if reason else ""))

    def send_failed(self, t: float, err: str, url: str = DDCE, thread: str = "SLM-12") -> None:
        self.add(t, "ERROR", thread, "com.callhome.module.transport.HttpClient#send",
                 f"Fail to send out Smart Licensing message to: {url} ({err})")

    def exception(self, t: float, text: str, thread: str = "SLM-12") -> None:
        self.add(t, "ERROR", thread, "com.callhome.module.transport.HttpClient#send", text)

    def cli(self, t: float, command: str) -> None:
        self.add(t, "INFO", "SLM-3", "com.cisco.slm.cli.CliHandler#execute", command)

    def entitlement(self, t: float, tier: str) -> None:
        self.add(t, "DEBUG", "SLM-11", "com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement",
                 f"entitlementTag: {TAGS[tier][2]}")

    def write_rotated(self, directory: Path, base: str, cuts: list[float], gzip_from: int = 2) -> list[Path]:
        """Writes `base` (newest) and `base.1`, `base.2.gz`, … split at the `cuts` instants (newest cut first);
        rotated files from number `gzip_from` on are gzip'd. File times are set to each file's last line."""
        directory.mkdir(parents=True, exist_ok=True)
        self.files: list[tuple[float, float, str]] = []
        lines = sorted(self.lines, key=lambda l: l.epoch)
        bounds = [float("inf")] + sorted(cuts, reverse=True) + [float("-inf")]
        written = []
        for i in range(len(bounds) - 1):
            hi, lo = bounds[i], bounds[i + 1]
            part = [l.text for l in lines if lo <= l.epoch < hi]
            if not part:
                continue
            name = base if i == 0 else f"{base}.{i}"
            data = ("\n".join(part) + "\n").encode()
            path = directory / name
            if i >= gzip_from:
                path = directory / f"{name}.gz"
                path.write_bytes(gzip.compress(data, mtime=int(max(l.epoch for l in lines if lo <= l.epoch < hi))))
            else:
                path.write_bytes(data)
            last = max(l.epoch for l in lines if lo <= l.epoch < hi)
            os.utime(path, (last, last))
            self.files.append((lo, hi, path.name))
            written.append(path)
        return written

    def file_of(self, epoch: float) -> str:
        """The name of the written file that holds the line at `epoch` (after write_rotated)."""
        return next(name for lo, hi, name in self.files if lo <= epoch < hi)
