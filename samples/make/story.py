"""Pieces shared by the scenarios: a registered node's snapshot, the Smart Agent's renewal traces, transport blocks,
RTMT alerts in syslog, local wall-clock instants."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import cucm_text as ct
from cucm_text import DAY, DDCE, Snapshot, Trace

HOUR = 3600
MIN = 60
# Registration expiry and communication deadline are issued by CSSM a few minutes before the local success + 365 d
# / + 90 d (measured on the real TAC-212915 output: 4 min 58 s and 6 min 0 s, domain-notes §4.2).
SERVER_LEAD = 298


def at(zone: str, y: int, mo: int, d: int, h: int, mi: int, s: int = 0, ms: int = 0) -> float:
    """The UTC epoch of a local wall time in `zone`."""
    return datetime(y, mo, d, h, mi, s, ms * 1000, tzinfo=ZoneInfo(zone)).timestamp()


def usage(**tiers: tuple[int, str]) -> dict[str, tuple[int, str]]:
    base = {t: (0, "Init") for t in ct.TIER_ORDER}
    base.update(tiers)
    return base


def direct_transport() -> list[str]:
    # The "Transport Configuration / Mode / URL" block is verbatim from Smart Agent 1.3.5 (domain-notes §3.4 b);
    # that CUCM's agent 1.3.4 prints it is [I].
    return ["Transport Configuration", "========================", "Mode: Direct", f"URL: {DDCE}"]


def proxy_transport(host: str, port: int) -> list[str]:
    return ["Transport:", "  Type: Proxy", "  Proxy:", f"    Address: {host}", f"    Port: {port}"]


def gateway_transport(url: str) -> list[str]:
    return ["Transport Configuration", "========================", "Mode: Transport Gateway", f"URL: {url}"]


def registered(initial: float, last_renewal: float, auth_ok: float, usage_: dict, transport: list[str],
               last_comm: tuple[str, float] | None = None, comm_failure: str | None = None,
               next_comm: float | None = None, authorization: str = "AUTHORIZED",
               authorization_on: float | None = None) -> Snapshot:
    """A registered publisher whose last successful authorization was `auth_ok`."""
    return Snapshot(
        registration="REGISTERED", initial_registration=("SUCCEEDED", initial),
        last_renewal=("SUCCEEDED", last_renewal), next_renewal=last_renewal + 180 * DAY,
        registration_expires=last_renewal + 365 * DAY - SERVER_LEAD,
        authorization=authorization, authorization_on=authorization_on or auth_ok,
        last_comm=last_comm or ("SUCCEEDED", auth_ok), comm_failure=comm_failure,
        next_comm=next_comm or auth_ok + 30 * DAY, comm_deadline=auth_ok + 90 * DAY - SERVER_LEAD,
        # Printed even when registered, as in TAC-212915 (eval expired 78 days before registration); 40 days is a
        # choice, the same for every registered sample (samples/README.md).
        eval_expired_on=initial - 40 * DAY, usage=usage_, transport=transport)


def renewal_ok(tr: Trace, t_send: float, t_done: float, url: str = DDCE) -> float:
    """A successful authorization renewal; returns the instant of the success notification."""
    tr.send(t_send, url)
    tr.response(t_done - 0.003)
    tr.notify(t_done + 0.006, "AuthRenewSuccess")
    return t_done + 0.006


def renewal_failed(tr: Trace, t_send: float, t_fail: float, err: str, exception: str | None = None,
                   url: str = DDCE, register: bool = False) -> float:
    """A failed authorization renewal (or registration): Call Home send error, then the agent's notification."""
    tr.send(t_send, url)
    if exception:
        tr.exception(t_fail - 0.002, exception)
    tr.send_failed(t_fail, err, url)
    tr.notify(t_fail + 0.001, "RegisterFailed" if register else "AuthRenewFail", "Communication message send error")
    return t_fail + 0.001


def history(tr: Trace, first_ok: float, count: int, every: float = 30 * DAY, url: str = DDCE) -> list[float]:
    """`count` scheduled renewals from `first_ok`, every `every`; returns their success instants."""
    out = []
    for i in range(count):
        t = first_ok + i * every
        out.append(renewal_ok(tr, t, t + 1.412, url))
    return out


def rtmt_line(epoch: float, zone: str, host: str, seq: int, alert: str, detail: str, yearless: bool = True) -> str:
    """An RTMT alert as a remote syslog line: local wall time, no year and no zone in the header. The
    `%UC_RTMT-2-RTMT_ALERT: %[AlertName=…]` envelope is [I] (rules/messages/rtmt-alerts.yaml)."""
    t = ct.local(epoch, zone)
    stamp = f"{t:%b} {t.day:>2} {t:%H:%M:%S}"
    return (f"{stamp} {host} local7 2 : {seq}: {host}: %UC_RTMT-2-RTMT_ALERT: %[AlertName={alert}]"
            f"[AlertDetail= {detail} ][AppID=Cisco AMC Service][ClusterID=][NodeID={host}]: RTMT Alert")


PKIX = ("javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: "
        "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to "
        "requested target")
UNKNOWN_HOST = "java.net.UnknownHostException: tools.cisco.com"
PROXY_407 = 'java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"'
ERR_ABORTED = "ERR 205 : Request Aborted"
ERR_TIMEOUT = "ERR 207 : Connection time out"
