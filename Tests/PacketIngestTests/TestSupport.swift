import Foundation
import LicensingModel
import PacketIngest
import Testing

/// Fixture files, temporary captures and event lookups shared by the tests.
enum TestSupport {
    /// The path of a fixture under `Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        let base = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        let url = base.appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url.path
    }

    /// The text of a fixture.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }

    /// The DER of the first certificate in a PEM fixture.
    static func der(_ name: String) throws -> [UInt8] {
        let pem = try text(name)
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return [UInt8](try #require(Data(base64Encoded: base64)))
    }

    /// Writes bytes to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "capture.pcap") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Removes a file made by ``temporaryFile(_:name:)`` and its private directory.
    static func removeTemporaryFile(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// Analyzes in-memory capture bytes.
    static func analyze(_ bytes: [UInt8], caPEM: [String] = []) throws -> CaptureAnalysis {
        let path = try temporaryFile(bytes)
        defer { removeTemporaryFile(path) }
        return CaptureAnalyzer.analyze(path: path, options: CaptureOptions(extraTrustAnchorsPEM: caPEM, displayPath: "t.pcap"))
    }

    /// Analyzes a fixture capture.
    static func analyzeFixture(_ name: String) throws -> CaptureAnalysis {
        CaptureAnalyzer.analyze(path: try fixture(name), options: CaptureOptions(displayPath: name))
    }
}

extension CaptureAnalysis {
    /// Events of one kind, in frame order.
    func events(_ kind: EventKind) -> [Event] { events.filter { $0.kind == kind } }

    /// The frame number of an event's source.
    static func frame(of e: Event) -> Int? {
        if case .frame(let n) = e.source.location { return n }
        return nil
    }
}

/// Builders for the synthetic licensing scenarios (documentation addresses only: 192.0.2.0/24, 198.51.100.0/24,
/// 203.0.113.0/24).
enum Scenario {
    static let client = "192.0.2.10"
    static let resolver = "192.0.2.53"
    static let cssm = "198.51.100.20"
    static let proxy = "192.0.2.80"
    static let satellite = "203.0.113.30"
    /// 2027-01-01T00:00:00Z in microseconds: inside the test certificates' validity.
    static let t0: Int64 = 1_798_761_600_000_000

    static func dnsNXDOMAIN() -> [UInt8] {
        var w = PcapWriter()
        w.add(FrameBuilder.udp(src: client, srcPort: 40000, dst: resolver, dstPort: 53,
                               payload: MessageBuilder.dnsQuery(id: 0x1234, name: "tools.cisco.com")), microseconds: t0)
        w.add(FrameBuilder.udp(src: resolver, srcPort: 53, dst: client, dstPort: 40000,
                               payload: MessageBuilder.dnsResponse(id: 0x1234, name: "tools.cisco.com", rcode: 3)),
              microseconds: t0 + 2_000)
        return w.bytes
    }

    /// DNS answer for tools.cisco.com, then SYNs that are refused (`refuse`) or never answered.
    static func tcpFailure(refuse: Bool) -> [UInt8] {
        var w = PcapWriter()
        w.add(FrameBuilder.udp(src: client, srcPort: 40001, dst: resolver, dstPort: 53,
                               payload: MessageBuilder.dnsQuery(id: 7, name: "tools.cisco.com")), microseconds: t0)
        w.add(FrameBuilder.udp(src: resolver, srcPort: 53, dst: client, dstPort: 40001,
                               payload: MessageBuilder.dnsResponse(id: 7, name: "tools.cisco.com", rcode: 0,
                                                                   answers: [cssm])), microseconds: t0 + 1_000)
        var c = TCPConversation(client: client, clientPort: 50000, server: cssm, serverPort: 443, clock: t0 + 2_000)
        c.syn(into: &w)
        if refuse {
            c.refuse(into: &w)
        } else {
            c.syn(into: &w)
            c.syn(into: &w)
        }
        return w.bytes
    }

    /// CONNECT tools.cisco.com:443 through a proxy answered 407 with Proxy-Authenticate.
    static func proxy407(withCredentials: Bool = false) -> [UInt8] {
        var w = PcapWriter()
        var c = TCPConversation(client: client, clientPort: 50001, server: proxy, serverPort: 3128, clock: t0)
        c.handshake(into: &w)
        let auth = withCredentials ? "Proxy-Authorization: Basic c2VjcmV0dXNlcjpodW50ZXIy\r\n" : ""
        c.send(Array("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: tools.cisco.com:443\r\n\(auth)\r\n".utf8),
               fromClient: true, into: &w)
        c.send(Array(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                      + "Content-Length: 0\r\n\r\n").utf8), fromClient: false, into: &w)
        c.close(into: &w)
        return w.bytes
    }

    /// CONNECT tools.cisco.com:443 sent to a proxy that never answers it (the client gives up and closes).
    static func proxyConnectUnanswered() -> [UInt8] {
        var w = PcapWriter()
        var c = TCPConversation(client: client, clientPort: 50002, server: proxy, serverPort: 3128, clock: t0)
        c.handshake(into: &w)
        c.send(Array("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: tools.cisco.com:443\r\n\r\n".utf8),
               fromClient: true, into: &w)
        c.close(into: &w)
        return w.bytes
    }

    /// TLS to tools.cisco.com: the server sends `chain`, the client answers with a fatal alert when given.
    static func tls(chain: [[UInt8]], clientAlert: UInt8?, segment: Int = 1_400) -> [UInt8] {
        var w = PcapWriter()
        var c = TCPConversation(client: client, clientPort: 50002, server: cssm, serverPort: 443, clock: t0)
        c.handshake(into: &w)
        c.send(MessageBuilder.clientHello(sni: "tools.cisco.com", alpn: ["http/1.1"], versions: [0x0304, 0x0303]),
               fromClient: true, segment: segment, into: &w)
        c.send(MessageBuilder.serverHello() + MessageBuilder.certificate(chain) + MessageBuilder.serverHelloDone(),
               fromClient: false, segment: segment, into: &w)
        if let clientAlert {
            c.send(MessageBuilder.alert(level: 2, description: clientAlert), fromClient: true, into: &w)
        }
        c.close(into: &w)
        return w.bytes
    }

    /// CONNECT tools.cisco.com:443 answered 200, then TLS inside the tunnel rejected by the client (unknown_ca).
    static func proxyTunnelTLS(chain: [[UInt8]]) -> [UInt8] {
        var w = PcapWriter()
        var c = TCPConversation(client: client, clientPort: 50004, server: proxy, serverPort: 8080, clock: t0)
        c.handshake(into: &w)
        c.send(Array("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: tools.cisco.com:443\r\n\r\n".utf8),
               fromClient: true, into: &w)
        c.send(Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8), fromClient: false, into: &w)
        c.send(MessageBuilder.clientHello(sni: "tools.cisco.com"), fromClient: true, into: &w)
        c.send(MessageBuilder.serverHello() + MessageBuilder.certificate(chain) + MessageBuilder.serverHelloDone(),
               fromClient: false, into: &w)
        c.send(MessageBuilder.alert(level: 2, description: 48), fromClient: true, into: &w)
        c.close(into: &w)
        return w.bytes
    }

    /// A cleartext POST to a satellite's Device Request Handler and its JSON answer.
    static func satellitePost(status: String = "SUCCESS") -> [UInt8] {
        var w = PcapWriter()
        var c = TCPConversation(client: client, clientPort: 50003, server: satellite, serverPort: 80, clock: t0)
        c.handshake(into: &w)
        let body = "{\"request\":\"{\\\"header\\\":{\\\"request_type\\\":\\\"REGISTER\\\",\\\"udi_pid\\\":\\\"UCM\\\"}}\"}"
        c.send(Array(("POST /Transportgateway/services/DeviceRequestHandler HTTP/1.1\r\nHost: \(satellite)\r\n"
                      + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body).utf8),
               fromClient: true, segment: 60, into: &w)
        let reply = "{\"status\":\"\(status)\",\"message\":\"done\"}"
        c.send(Array(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + String(reply.utf8.count, radix: 16) + "\r\n" + reply + "\r\n0\r\n\r\n").utf8),
               fromClient: false, into: &w)
        c.close(into: &w)
        return w.bytes
    }
}
