#!/usr/bin/env python3
"""Writes samples/proxy-443-bundle/packets.cap: a synthetic capture (documentation addresses only) of a CUCM
publisher (198.51.100.20) trying to register through an HTTP proxy configured on port 443 (192.0.2.10).
Each attempt: DNS for the proxy, TCP to proxy:443, the client starts TLS to tools.cisco.com instead of sending
CONNECT, the proxy answers 400 and closes. What CUCM puts on the wire in CSCvc94366 is not public; this sample
only exercises the analyzer. Deterministic: run it again and the bytes are the same."""
import struct, sys, os

CLIENT = bytes([198, 51, 100, 20]); PROXY = bytes([192, 0, 2, 10]); DNS = bytes([198, 51, 100, 53])
MAC_C = bytes.fromhex("005056a1b2c3"); MAC_G = bytes.fromhex("005056a1ffee")

def csum(data):
    if len(data) % 2: data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16: s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF

def ipv4(src, dst, proto, payload, ident):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, 64, proto, 0, src, dst)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload

def tcp(src, dst, sport, dport, seq, ack, flags, payload=b""):
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0)
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(hdr) + len(payload))
    c = csum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:] + payload

def udp(src, dst, sport, dport, payload):
    hdr = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
    pseudo = src + dst + struct.pack("!BBH", 0, 17, len(hdr) + len(payload))
    c = csum(pseudo + hdr + payload) or 0xFFFF
    return hdr[:6] + struct.pack("!H", c) + payload

def eth(src, dst, ip):
    return dst + src + b"\x08\x00" + ip

def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"

def dns_query(qid, name):
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + dns_name(name) + struct.pack("!HH", 1, 1)

def dns_answer(qid, name, addr):
    q = dns_name(name) + struct.pack("!HH", 1, 1)
    a = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + addr
    return struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + q + a

def client_hello(sni):
    name = sni.encode()
    sni_ext = struct.pack("!HHHBH", 0, len(name) + 5, len(name) + 3, 0, len(name)) + name
    versions = struct.pack("!HHB", 43, 5, 4) + b"\x03\x03\x03\x02"
    exts = sni_ext + versions
    body = b"\x03\x03" + bytes(range(32)) + b"\x00" + struct.pack("!H", 4) + b"\xc0\x2f\xc0\x30" + b"\x01\x00"
    body += struct.pack("!H", len(exts)) + exts
    hs = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack("!H", len(hs)) + hs

def main(out):
    frames = []
    t0 = 1647252129  # 2022-03-14T10:02:09Z
    ident = 1
    for attempt, start in enumerate([t0, t0 + 900, t0 + 1800]):
        t = start
        sport = 40000 + attempt
        qid = 0x4a00 + attempt
        def add(dt, src_mac, dst_mac, ip):
            nonlocal t
            t += dt
            frames.append((t, eth(src_mac, dst_mac, ip)))
        add(0.0, MAC_C, MAC_G, ipv4(CLIENT, DNS, 17, udp(CLIENT, DNS, 53000 + attempt, 53, dns_query(qid, "proxy.example.net")), ident)); ident += 1
        add(0.004, MAC_G, MAC_C, ipv4(DNS, CLIENT, 17, udp(DNS, CLIENT, 53, 53000 + attempt, dns_answer(qid, "proxy.example.net", PROXY)), ident)); ident += 1
        cs, ss = 1000 * (attempt + 1), 5000 * (attempt + 1)
        add(0.001, MAC_C, MAC_G, ipv4(CLIENT, PROXY, 6, tcp(CLIENT, PROXY, sport, 443, cs, 0, 0x02), ident)); ident += 1
        add(0.010, MAC_G, MAC_C, ipv4(PROXY, CLIENT, 6, tcp(PROXY, CLIENT, 443, sport, ss, cs + 1, 0x12), ident)); ident += 1
        add(0.001, MAC_C, MAC_G, ipv4(CLIENT, PROXY, 6, tcp(CLIENT, PROXY, sport, 443, cs + 1, ss + 1, 0x10), ident)); ident += 1
        hello = client_hello("tools.cisco.com")
        add(0.002, MAC_C, MAC_G, ipv4(CLIENT, PROXY, 6, tcp(CLIENT, PROXY, sport, 443, cs + 1, ss + 1, 0x18, hello), ident)); ident += 1
        resp = b"HTTP/1.1 400 Bad Request\r\nServer: squid\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        add(0.012, MAC_G, MAC_C, ipv4(PROXY, CLIENT, 6, tcp(PROXY, CLIENT, 443, sport, ss + 1, cs + 1 + len(hello), 0x18, resp), ident)); ident += 1
        add(0.000, MAC_G, MAC_C, ipv4(PROXY, CLIENT, 6, tcp(PROXY, CLIENT, 443, sport, ss + 1 + len(resp), cs + 1 + len(hello), 0x11), ident)); ident += 1
        add(0.001, MAC_C, MAC_G, ipv4(CLIENT, PROXY, 6, tcp(CLIENT, PROXY, sport, 443, cs + 1 + len(hello), ss + 2 + len(resp), 0x14), ident)); ident += 1
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for ts, data in frames:
            sec = int(ts); usec = int(round((ts - sec) * 1e6))
            f.write(struct.pack("<IIII", sec, usec, len(data), len(data)) + data)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples", "proxy-443-bundle", "packets.cap"))
