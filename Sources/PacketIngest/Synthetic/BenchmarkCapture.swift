import Foundation
import X509Inspect

/// Generates the benchmark capture deterministically: repeated licensing sessions (DNS for tools.cisco.com,
/// TCP, TLS with a certificate chain and bulk application data, a proxy CONNECT answered 407, a cleartext
/// satellite POST), on documentation addresses, until the file reaches the requested size.
public enum BenchmarkCapture {
    /// Writes the capture to `path`; returns the bytes and frames written, or nil when the file cannot be created.
    public static func write(path: String, targetBytes: Int) -> (bytes: Int, sessions: Int)? {
        guard var w = PcapWriter(path: path) else { return nil }
        let chain = TrustAnchors.bundled.prefix(2).map(\.der)
        let bulk = [UInt8](repeating: 0x5A, count: 16_000)
        var clock: Int64 = 1_700_000_000_000_000
        var session = 0
        while w.written < targetBytes {
            let port = UInt16(20_000 + session % 40_000)
            let id = UInt16(truncatingIfNeeded: session)
            w.add(FrameBuilder.udp(src: "192.0.2.10", srcPort: port, dst: "192.0.2.53", dstPort: 53,
                                   payload: MessageBuilder.dnsQuery(id: id, name: "tools.cisco.com")), microseconds: clock)
            w.add(FrameBuilder.udp(src: "192.0.2.53", srcPort: 53, dst: "192.0.2.10", dstPort: port,
                                   payload: MessageBuilder.dnsResponse(id: id, name: "tools.cisco.com", rcode: 0,
                                                                       answers: ["198.51.100.20"])),
                  microseconds: clock + 500)
            var tls = TCPConversation(client: "192.0.2.10", clientPort: port, server: "198.51.100.20", serverPort: 443,
                                      clock: clock + 1_000, clientISN: UInt32(session) &* 7_919)
            tls.handshake(into: &w)
            tls.send(MessageBuilder.clientHello(sni: "tools.cisco.com", alpn: ["http/1.1"]), fromClient: true, into: &w)
            tls.send(MessageBuilder.serverHello() + MessageBuilder.certificate(chain) + MessageBuilder.serverHelloDone(),
                     fromClient: false, into: &w)
            tls.send(MessageBuilder.record(20, [1]) + MessageBuilder.record(22, [UInt8](repeating: 1, count: 40)),
                     fromClient: true, into: &w)
            tls.send(MessageBuilder.record(20, [1]) + MessageBuilder.record(22, [UInt8](repeating: 1, count: 40)),
                     fromClient: false, into: &w)
            for _ in 0..<6 {
                tls.send(MessageBuilder.record(23, bulk), fromClient: true, into: &w)
                tls.send(MessageBuilder.record(23, bulk), fromClient: false, into: &w)
            }
            tls.close(into: &w)
            if session % 10 == 0 { writeProxyAndSatellite(&w, session: session, clock: clock + 200_000) }
            clock += 1_000_000
            session += 1
        }
        w.close()
        return (w.written, session)
    }

    private static func writeProxyAndSatellite(_ w: inout PcapWriter, session: Int, clock: Int64) {
        let port = UInt16(40_000 + session % 20_000)
        var proxy = TCPConversation(client: "192.0.2.10", clientPort: port, server: "192.0.2.80", serverPort: 3128,
                                    clock: clock)
        proxy.handshake(into: &w)
        proxy.send(Array("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: tools.cisco.com:443\r\n\r\n".utf8),
                   fromClient: true, into: &w)
        proxy.send(Array(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                          + "Content-Length: 0\r\n\r\n").utf8), fromClient: false, into: &w)
        proxy.close(into: &w)
        var satellite = TCPConversation(client: "192.0.2.10", clientPort: port &+ 1, server: "192.0.2.90",
                                        serverPort: 80, clock: proxy.clock)
        satellite.handshake(into: &w)
        let body = "{\"request\":\"{\\\"header\\\":{\\\"request_type\\\":\\\"AUTHORIZATION\\\"}}\"}"
        satellite.send(Array(("POST /Transportgateway/services/DeviceRequestHandler HTTP/1.1\r\nHost: 192.0.2.90\r\n"
                              + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body).utf8),
                       fromClient: true, into: &w)
        let reply = "{\"status\":\"SUCCESS\"}"
        satellite.send(Array(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(reply.utf8.count)"
                              + "\r\n\r\n" + reply).utf8), fromClient: false, into: &w)
        satellite.close(into: &w)
    }
}
