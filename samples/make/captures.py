"""The network scenarios: real clients (curl, openssl s_client, a JVM-like DNS lookup) talking to real servers
(dnsmasq, tinyproxy, a small TLS server) on loopback while tcpdump writes the capture.

Each function writes `<bundle>/<capture name>` and returns the attempts it made, each with its window as the
capture's own packet times (UTC epoch seconds), which the bundle writer turns into the logs' local wall times.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import netlab
from netlab import DDCE, THROWAWAY, Lab, Pki

TOOLS = "tools.cisco.com"


def net(n: int, host: int) -> str:
    """Address of lab host `host` in scenario `n`: 127.12.n.host."""
    return f"127.12.{n}.{host}"


def public_chain(pki: Pki) -> dict:
    """A throwaway imitation of the public chain tools.cisco.com has used since 2021 (IdenTrust Commercial Root CA 1
    → HydrantID Server CA O1 → tools.cisco.com), plus an imitation of the QuoVadis Root CA 2 an old trust store has."""
    ou = f"/OU={THROWAWAY}"
    root = pki.ca("identrust-root", f"/C=US/O=IdenTrust{ou}/CN=IdenTrust Commercial Root CA 1")
    inter = pki.ca("hydrantid-o1", f"/C=US/O=IdenTrust{ou}/CN=HydrantID Server CA O1", issuer="identrust-root")
    leaf = pki.leaf("tools-public", TOOLS, issuer="hydrantid-o1")
    quovadis = pki.ca("quovadis-root2", f"/C=BM/O=QuoVadis Limited{ou}/CN=QuoVadis Root CA 2")
    # What the server sends: leaf and intermediate, not the root (as tools.cisco.com does).
    sent = pki.chain_file("tools-public-chain", [leaf, inter])
    return {"root": root, "sent": sent, "key": pki.key_of(leaf), "old_store": quovadis}


def firewall_chain(pki: Pki) -> dict:
    """An SSL-inspection firewall's own CA re-signing tools.cisco.com (a throwaway imitation)."""
    ca = pki.ca("fw-inspect-ca", f"/C=FR/O=Pare-feu Inspection/OU={THROWAWAY}/CN=FW-SSL-Inspection-CA")
    leaf = pki.leaf("tools-intercepted", TOOLS, issuer="fw-inspect-ca")
    return {"sent": pki.chain_file("tools-intercepted-chain", [leaf, ca]), "key": pki.key_of(leaf)}


class Attempts:
    """Wall-clock windows of the client runs, turned into packet-time windows after the capture."""

    def __init__(self) -> None:
        self.windows: list[dict] = []

    def run(self, label: str, fn, pause_after: float = 0.0):
        t0 = time.time()
        result = fn()
        t1 = time.time()
        self.windows.append({"label": label, "t0": t0 - 0.05, "t1": t1 + 0.3, "detail": describe(result)})
        if pause_after:
            time.sleep(pause_after)
        return result

    def resolve(self, cap: Path, client: str) -> list[dict]:
        frames = netlab.packets(cap)
        out = []
        for w in self.windows:
            mine = [f for f in frames if w["t0"] <= float(f["frame.time_epoch"]) <= w["t1"]
                    and client in (f.get("ip.src"), f.get("ip.dst"))]
            if not mine:
                raise RuntimeError(f"{cap}: no packets for attempt {w['label']}")
            out.append({"label": w["label"], "first": float(mine[0]["frame.time_epoch"]),
                        "last": float(mine[-1]["frame.time_epoch"]), "first_frame": int(mine[0]["frame.number"]),
                        "frames": len(mine), "detail": w["detail"]})
        return out


def describe(result) -> str:
    if isinstance(result, subprocess.CompletedProcess):
        return (result.stdout.strip()[-60:] + " " + result.stderr.strip()[-120:]).strip()
    return str(result)


def lookup_then_post(lab: Lab, cucm: str, dns: str, ca: Path, proxy: str | None = None):
    """What one Smart Agent attempt does: resolve the name it connects to, then POST to DDCEService."""
    def go():
        if proxy:
            return netlab.curl_ddce(cucm, ca, proxy=proxy)
        addr = netlab.dns_query(dns, TOOLS, cucm)
        if addr is None:
            return "name did not resolve"
        return netlab.curl_ddce(cucm, ca, resolve_to=addr)
    return go


# ---------------------------------------------------------------------------------------------- scenarios

def direct(out: Path, n: int, attempts: int = 1, gap: float = 4.0) -> dict:
    """Healthy direct: DNS answer, TLS 1.2 with the public-like chain, HTTP 200."""
    cucm, dns, server = net(n, 10), net(n, 53), net(n, 80)
    with Lab(out.parent.name) as lab:
        pki = Pki(lab.tmp / "pki")
        chain = public_chain(pki)
        lab.dnsmasq(dns, {TOOLS: server})
        lab.tls_server(server, 443, chain["sent"], chain["key"], netlab.SOAP_OK)
        a = Attempts()
        with lab.capture(out, f"host {cucm} and (port 53 or port 443)"):
            for i in range(attempts):
                a.run(f"attempt-{i + 1}", lookup_then_post(lab, cucm, dns, chain["root"]),
                      pause_after=gap if i + 1 < attempts else 0)
        return {"client": cucm, "attempts": a.resolve(out, cucm)}


def through_proxy(out: Path, n: int, port: int, auth: tuple[str, str] | None = None, attempts: int = 1,
                  proxy_name: str = "proxy.lab") -> dict:
    """Through tinyproxy on `port`: DNS for the proxy name, CONNECT tools.cisco.com:443, TLS in the tunnel
    (or 407 when the proxy wants credentials the product does not send)."""
    cucm, dns, proxy, server = net(n, 10), net(n, 53), net(n, 30), net(n, 80)
    with Lab(out.parent.name) as lab:
        pki = Pki(lab.tmp / "pki")
        chain = public_chain(pki)
        lab.dnsmasq(dns, {proxy_name: proxy})
        lab.tls_server(server, 443, chain["sent"], chain["key"], netlab.SOAP_OK)
        lab.tinyproxy(proxy, port, {TOOLS: server}, basic_auth=auth)
        a = Attempts()

        def attempt():
            addr = netlab.dns_query(dns, proxy_name, cucm)
            return netlab.curl_ddce(cucm, chain["root"], proxy=f"http://{addr}:{port}")
        with lab.capture(out, f"host {cucm} and (port 53 or port {port})"):
            for i in range(attempts):
                a.run(f"attempt-{i + 1}", attempt, pause_after=3.0 if i + 1 < attempts else 0)
        return {"client": cucm, "proxy": proxy, "attempts": a.resolve(out, cucm)}


def proxy_on_443(out: Path, n: int, attempts: int = 2, proxy_name: str = "proxy.lab") -> dict:
    """CSCvc94366 as modelled here [inferred]: with the proxy configured on 443 the agent opens TLS straight to the
    proxy (no CONNECT); tinyproxy waits for an HTTP request line that never comes and the agent aborts."""
    cucm, dns, proxy, server = net(n, 10), net(n, 53), net(n, 30), net(n, 80)
    with Lab(out.parent.name) as lab:
        lab.dnsmasq(dns, {proxy_name: proxy})
        lab.tinyproxy(proxy, 443, {TOOLS: server})
        a = Attempts()

        def attempt():
            addr = netlab.dns_query(dns, proxy_name, cucm)
            try:   # the agent gives up after a few seconds without an answer (ERR 205 : Request Aborted)
                return subprocess.run(["openssl", "s_client", "-bind", f"{cucm}:0", "-connect", f"{addr}:443",
                                       "-servername", TOOLS, "-tls1_2"], input="", capture_output=True, text=True,
                                      timeout=5)
            except subprocess.TimeoutExpired:
                return "no answer to the ClientHello within 5 s; aborted"
        with lab.capture(out, f"host {cucm} and (port 53 or port 443)"):
            for i in range(attempts):
                a.run(f"attempt-{i + 1}", attempt, pause_after=3.0 if i + 1 < attempts else 0)
        return {"client": cucm, "proxy": proxy, "attempts": a.resolve(out, cucm)}


def dns_nxdomain(out: Path, n: int, attempts: int = 2) -> dict:
    """The customer's DNS claims authority for cisco.com (split horizon) and answers NXDOMAIN for tools.cisco.com."""
    cucm, dns = net(n, 10), net(n, 53)
    with Lab(out.parent.name) as lab:
        lab.dnsmasq(dns, {"cucm-pub.corp.example": cucm}, local_domains=["cisco.com"])
        a = Attempts()

        def attempt():
            first = netlab.dns_query(dns, TOOLS, cucm)
            second = netlab.dns_query(dns, TOOLS, cucm, qtype=28)
            return f"A={first} AAAA={second}"
        with lab.capture(out, f"host {cucm} and port 53"):
            for i in range(attempts):
                a.run(f"attempt-{i + 1}", attempt, pause_after=3.0 if i + 1 < attempts else 0)
        return {"client": cucm, "attempts": a.resolve(out, cucm)}


def tls_rejected(out: Path, n: int, kind: str, attempts: int = 2) -> dict:
    """A TLS handshake the product rejects with a fatal alert.

    kind "interception": a firewall answers for tools.cisco.com with a chain from its own CA (curl, product trust
    store = the public root). kind "old-store": the public-like chain, but the product's trust store only has the
    QuoVadis root (FN72318) — the client is `openssl s_client -verify_return_error`."""
    cucm, dns, server = net(n, 10), net(n, 53), net(n, 80)
    with Lab(out.parent.name) as lab:
        pki = Pki(lab.tmp / "pki")
        public = public_chain(pki)
        served = firewall_chain(pki) if kind == "interception" else public
        lab.dnsmasq(dns, {TOOLS: server})
        lab.tls_server(server, 443, served["sent"], served["key"], netlab.SOAP_OK)
        a = Attempts()

        def attempt():
            addr = netlab.dns_query(dns, TOOLS, cucm)
            if kind == "interception":
                return netlab.curl_ddce(cucm, public["root"], resolve_to=addr)
            return subprocess.run(["openssl", "s_client", "-bind", f"{cucm}:0", "-connect", f"{addr}:443",
                                   "-servername", TOOLS, "-tls1_2", "-verify_return_error", "-no-CAfile",
                                   "-no-CApath", "-CAfile", str(public["old_store"])],
                                  input="", capture_output=True, text=True, timeout=15)
        with lab.capture(out, f"host {cucm} and (port 53 or port 443)"):
            for i in range(attempts):
                a.run(f"attempt-{i + 1}", attempt, pause_after=3.0 if i + 1 < attempts else 0)
        return {"client": cucm, "attempts": a.resolve(out, cucm)}
