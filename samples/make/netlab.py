"""Loopback network lab for the sample captures: throwaway CAs, a small TLS server, dnsmasq, tinyproxy and tcpdump.

Everything listens on 127.12.<n>.x addresses (127.0.0.0/8 only). Every process started here is stopped by
the `Lab` context manager, by its own pid, even when a step fails. Needs root (tcpdump on lo, port 53/443, the
mount namespace that gives tinyproxy its own /etc/hosts) and: openssl, tcpdump, tshark, tinyproxy, dnsmasq, curl.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

THROWAWAY = "licscope throwaway imitation - not the real CA"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------------------------------------- PKI

class Pki:
    """Throwaway CAs and leaves made with the openssl CLI in a scratch directory."""

    def __init__(self, root: Path):
        self.dir = root
        self.dir.mkdir(parents=True, exist_ok=True)

    def _key(self, name: str) -> Path:
        key = self.dir / f"{name}.key"
        run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", str(key)])
        return key

    def ca(self, name: str, subject: str, issuer: str | None = None, days_back: int = 400, days: int = 3650) -> Path:
        """A CA certificate; self-signed when `issuer` is None, else signed by that CA (a name made earlier)."""
        key = self._key(name)
        crt = self.dir / f"{name}.crt"
        start = time.strftime("%Y%m%d%H%M%SZ", time.gmtime(time.time() - days_back * 86400))
        end = time.strftime("%Y%m%d%H%M%SZ", time.gmtime(time.time() + days * 86400))
        ext = self.dir / f"{name}.ext"
        ext.write_text("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                       "subjectKeyIdentifier=hash\n" + ("authorityKeyIdentifier=keyid\n" if issuer else ""))
        csr = self.dir / f"{name}.csr"
        run(["openssl", "req", "-new", "-key", str(key), "-subj", subject, "-out", str(csr)])
        signer_crt = crt if issuer is None else self.dir / f"{issuer}.crt"
        signer_key = key if issuer is None else self.dir / f"{issuer}.key"
        args = ["openssl", "x509", "-req", "-in", str(csr), "-extfile", str(ext), "-out", str(crt),
                "-not_before", start, "-not_after", end, "-set_serial", str(int(time.time() * 1000) % 10**12)]
        args += (["-signkey", str(key)] if issuer is None else ["-CA", str(signer_crt), "-CAkey", str(signer_key)])
        self._x509(args, start, end)
        return crt

    def leaf(self, name: str, host: str, issuer: str, org: str = "Cisco Systems Inc.") -> Path:
        key = self._key(name)
        crt = self.dir / f"{name}.crt"
        csr = self.dir / f"{name}.csr"
        run(["openssl", "req", "-new", "-key", str(key), "-subj", f"/C=US/ST=California/L=San Jose/O={org}/CN={host}",
             "-out", str(csr)])
        ext = self.dir / f"{name}.ext"
        ext.write_text(f"basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                       f"subjectAltName=DNS:{host}\nauthorityKeyIdentifier=keyid\n")
        start = time.strftime("%Y%m%d%H%M%SZ", time.gmtime(time.time() - 60 * 86400))
        end = time.strftime("%Y%m%d%H%M%SZ", time.gmtime(time.time() + 300 * 86400))
        self._x509(["openssl", "x509", "-req", "-in", str(csr), "-extfile", str(ext), "-out", str(crt),
                    "-CA", str(self.dir / f"{issuer}.crt"), "-CAkey", str(self.dir / f"{issuer}.key"),
                    "-set_serial", str(int(time.time() * 1000) % 10**12 + 7)], start, end)
        return crt

    @staticmethod
    def _x509(args: list[str], start: str, end: str) -> None:
        # OpenSSL 3.0's `x509 -req` has no -not_before; fall back to -days from now.
        try:
            run(args)
        except subprocess.CalledProcessError:
            days = max(1, int((time.mktime(time.strptime(end, "%Y%m%d%H%M%SZ"))
                               - time.mktime(time.strptime(start, "%Y%m%d%H%M%SZ"))) // 86400))
            trimmed, skip = [], False
            for a in args:
                if skip:
                    skip = False
                    continue
                if a in ("-not_before", "-not_after"):
                    skip = True
                    continue
                trimmed.append(a)
            run(trimmed + ["-days", str(days)])

    def chain_file(self, name: str, parts: list[Path]) -> Path:
        out = self.dir / f"{name}.pem"
        out.write_text("".join(p.read_text() for p in parts))
        return out

    def key_of(self, crt: Path) -> Path:
        return crt.with_suffix(".key")


# ---------------------------------------------------------------------------------------------- processes

class Lab:
    """Starts processes, remembers their pids and stops exactly those on exit."""

    def __init__(self, name: str):
        self.name = name
        self.tmp = Path(tempfile.mkdtemp(prefix=f"licscope-sample-{name}-"))
        self.procs: list[subprocess.Popen] = []
        self.threads: list[threading.Thread] = []
        self.stoppers: list = []

    def __enter__(self) -> "Lab":
        return self

    def __exit__(self, *exc) -> None:
        for stop in reversed(self.stoppers):
            try:
                stop()
            except Exception:  # noqa: BLE001 — stopping must go on
                pass
        for p in reversed(self.procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)   # keys, certificates, configs and logs of this run

    def start(self, cmd: list[str], ready: float = 0.6, **kw) -> subprocess.Popen:
        log = open(self.tmp / f"{Path(cmd[0]).name}-{len(self.procs)}.log", "w")
        p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, **kw)
        self.procs.append(p)
        time.sleep(ready)
        if p.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited at start: {(self.tmp / log.name).read_text()[-800:]}")
        return p

    # -- servers

    def dnsmasq(self, listen: str, records: dict[str, str], local_domains: list[str] = ()) -> None:
        """dnsmasq answering A records for `records`; names under `local_domains` get NXDOMAIN."""
        args = ["dnsmasq", "-k", "--no-resolv", "--no-hosts", "--bind-interfaces", f"--listen-address={listen}",
                "--port=53", f"--pid-file={self.tmp}/dnsmasq.pid", "--log-queries", "--user=root"]
        args += [f"--address=/{name}/{addr}" for name, addr in records.items()]
        args += [f"--local=/{d}/" for d in local_domains]
        self.start(args)

    def tinyproxy(self, listen: str, port: int, hosts: dict[str, str], basic_auth: tuple[str, str] | None = None,
                  connect_ports: tuple[int, ...] = (443,)) -> None:
        """tinyproxy in its own mount namespace whose /etc/hosts maps `hosts` (so it resolves tools.cisco.com to
        the lab server without touching the machine's /etc/hosts)."""
        conf = self.tmp / "tinyproxy.conf"
        lines = [f"Port {port}", f"Listen {listen}", "Timeout 20", "Allow 127.0.0.0/8", "MaxClients 20",
                 "LogLevel Info", f"LogFile \"{self.tmp}/tinyproxy.log\"", "User root", "Group root",
                 "ViaProxyName \"proxy\""]
        lines += [f"ConnectPort {p}" for p in connect_ports]
        if basic_auth:
            lines.append(f"BasicAuth {basic_auth[0]} {basic_auth[1]}")
        conf.write_text("\n".join(lines) + "\n")
        hosts_file = self.tmp / "hosts"
        hosts_file.write_text("127.0.0.1 localhost\n" + "".join(f"{a} {n}\n" for n, a in hosts.items()))
        self.start(["unshare", "--mount", "sh", "-c",
                    f"mount --bind {hosts_file} /etc/hosts && exec tinyproxy -d -c {conf}"], ready=1.0)

    def tls_server(self, listen: str, port: int, chain: Path, key: Path, body: bytes) -> None:
        """A small HTTPS server (TLS 1.2, so the certificates are visible in the capture) answering every request
        with 200 and `body`."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(str(chain), str(key))
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((listen, port))
        sock.listen(8)
        stop = threading.Event()

        def serve_one(conn: socket.socket) -> None:
            try:
                with ctx.wrap_socket(conn, server_side=True) as tls:
                    tls.settimeout(5)
                    data = b""
                    while b"\r\n\r\n" not in data:
                        chunk = tls.recv(4096)
                        if not chunk:
                            return
                        data += chunk
                    head, _, rest = data.partition(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":")[1])
                    while len(rest) < length:
                        chunk = tls.recv(4096)
                        if not chunk:
                            break
                        rest += chunk
                    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                                + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            except (ssl.SSLError, OSError):
                pass  # the client rejected the chain: that is the scenario

        def loop() -> None:
            sock.settimeout(0.2)
            while not stop.is_set():
                try:
                    conn, _ = sock.accept()
                except socket.timeout:
                    continue
                threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

        t = threading.Thread(target=loop, daemon=True)
        t.start()

        def halt() -> None:
            stop.set()
            t.join(timeout=2)
            sock.close()
        self.stoppers.append(halt)

    # -- capture

    def capture(self, out: Path, bpf: str) -> "Capture":
        return Capture(self, out, bpf)


class Capture:
    """`tcpdump -i lo -w out <filter>` for the duration of a `with` block."""

    def __init__(self, lab: Lab, out: Path, bpf: str):
        self.lab, self.out, self.bpf = lab, out, bpf

    def __enter__(self) -> "Capture":
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.proc = self.lab.start(["tcpdump", "-i", "lo", "-U", "-s", "0", "-w", str(self.out), self.bpf], ready=1.5)
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(2.0)   # a busy machine: let tcpdump write the last frames before it is told to stop
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=5)


# ---------------------------------------------------------------------------------------------- clients

def dns_query(server: str, name: str, source: str, qtype: int = 1) -> str | None:
    """One DNS query over UDP from `source` (what the JVM's resolver sends); the first A address, or None."""
    qid = int(time.time() * 1000) & 0xFFFF
    q = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00" + struct.pack(">HH", qtype, 1)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((source, 0))
    s.settimeout(3)
    s.sendto(q, (server, 53))
    try:
        data, _ = s.recvfrom(2048)
    except socket.timeout:
        return None
    finally:
        s.close()
    rcode = data[3] & 0x0F
    ancount = struct.unpack(">H", data[6:8])[0]
    if rcode != 0 or ancount == 0:
        return None
    return ".".join(str(b) for b in data[-4:])


def curl(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(["curl", "-sS", "--max-time", "15"] + args, capture_output=True, text=True)


DDCE = "https://tools.cisco.com/its/service/oddce/services/DDCEService"
SOAP = (b'<?xml version="1.0" encoding="UTF-8"?><soap-env:Envelope xmlns:soap-env="http://www.w3.org/2003/05/'
        b'soap-envelope"><soap-env:Body>licscope sample request (synthetic)</soap-env:Body></soap-env:Envelope>')
SOAP_OK = (b'<?xml version="1.0" encoding="UTF-8"?><soap-env:Envelope xmlns:soap-env="http://www.w3.org/2003/05/'
           b'soap-envelope"><soap-env:Body>licscope sample response (synthetic)</soap-env:Body></soap-env:Envelope>')


def curl_ddce(source: str, ca: Path, resolve_to: str | None = None, proxy: str | None = None) -> subprocess.CompletedProcess:
    """The Call Home POST the Smart Agent makes, as curl: TLS 1.2 (as CUCM 12's Java does), verified against `ca`."""
    args = ["--interface", source, "--tlsv1.2", "--tls-max", "1.2", "--cacert", str(ca), "-X", "POST",
            "-H", "Content-Type: application/soap+xml", "--data-binary", SOAP.decode(), "-o", "/dev/null",
            "-w", "%{http_code}"]
    if resolve_to:
        args += ["--resolve", f"tools.cisco.com:443:{resolve_to}"]
    if proxy:
        args += ["--proxy", proxy]
    return curl(args + [DDCE])


# ---------------------------------------------------------------------------------------------- reading captures

def packets(cap: Path) -> list[dict]:
    """Frames of a capture as tshark reads them (and so proves that it opens in tshark)."""
    fields = ["frame.number", "frame.time_epoch", "ip.src", "ip.dst", "tcp.srcport", "tcp.dstport", "udp.dstport",
              "tcp.flags.syn", "tcp.flags.ack", "dns.flags.response", "dns.flags.rcode", "tls.handshake.type",
              "tls.alert_message.desc", "http.response.code", "http.request.method"]
    out = run(["tshark", "-r", str(cap), "-T", "fields", "-E", "separator=\t", "-E", "occurrence=f"]
              + sum((["-e", f] for f in fields), []))
    rows = []
    for line in out.stdout.splitlines():
        vals = line.split("\t")
        rows.append(dict(zip(fields, vals)))
    if not rows:
        raise RuntimeError(f"{cap}: tshark read no frames")
    return rows


def check_opens(cap: Path) -> int:
    """Fails unless tshark opens the capture; returns its frame count."""
    return len(packets(cap))


def save_meta(path: Path, meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(meta, indent=1) + "\n")


def need_root() -> None:
    if os.geteuid() != 0:
        sys.exit("the captures need root (tcpdump on lo, ports 53/443, a mount namespace for tinyproxy)")
