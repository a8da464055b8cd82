import Foundation
import LicensingModel
import PacketIngest
import Preflight
import Rules
import Testing
import TextIngest

/// `--capture` (libpcap on lo, as root) and `--status` (the engine's runway).
@Suite(.serialized)
struct PreflightCaptureStatusTests {
    let pki = TestPKI.shared
    let base = PreflightIntegrationTests()

    func capturePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("licscope-preflight-\(UUID().uuidString).pcap").path
    }

    @Test func captureOfAnInterceptedHandshakeGivesTheSameLadderOffline() throws {
        try #require(getuid() == 0, "the capture test needs root (CAP_NET_RAW) to open lo with libpcap; CI runs as root")
        let (server, port) = try LoopbackServers.tls(pki.intercepting)
        defer { server.stop() }
        var o = try base.options("tools.cisco.com", port: port)
        o.maximumTLSVersion = 0x0303  // TLS 1.2: the certificates are visible in the capture
        let path = capturePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = base.run(o, capture: path)
        #expect(r.failedStage?.name == "certificate")
        let c = try #require(r.capture)
        #expect(c.error == nil, "\(c.error ?? "")")
        #expect(c.frames >= 6)
        #expect(c.failedStage == "certificate", "offline ladders: \(c.ladders)")
        #expect(c.agrees)
        #expect(c.ladders.last?.contains("certificate✗(unknown_ca)") == true, "\(c.ladders)")
    }

    @Test func captureOfA407GivesTheSameFindingOffline() throws {
        try #require(getuid() == 0, "the capture test needs root (CAP_NET_RAW) to open lo with libpcap; CI runs as root")
        let (proxy, proxyPort) = try LoopbackServers.tinyproxy(connectPort: 443, auth: ("licuser", "pw"))
        defer { proxy.stop() }
        let path = capturePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = base.run(try base.options("tools.cisco.com", port: 443, proxy: .init(host: "127.0.0.1", port: proxyPort)), capture: path)
        let c = try #require(r.capture)
        #expect(c.failedStage == "proxy", "\(c.ladders)")
        #expect(c.agrees)
        #expect(c.findings.contains("proxy-auth-required"))
        #expect(r.findings.map(\.id).contains("proxy-auth-required"))
    }

    @Test func statusAddsTheEnginesRunway() throws {
        let fixture = "\(LoopbackServers.fixtures)/show-license-all.txt"
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let groups = SnapshotEvents.read(text: text, path: "show-license-all.txt", zones: try ZoneResolver(specifications: [])).groups
        let r = base.run(try base.options("tools.cisco.com", port: LoopbackServers.freePort()), status: groups)
        #expect(r.failedStage?.name == "tcp")
        // Authorized Jan 26 15:12:59 2018 IST (09:42:59Z): authorization expires 90 days later if nothing succeeds.
        let line = try #require(r.runway.first { $0.hasPrefix("authorization becomes AUTHORIZATION EXPIRED") }, "\(r.runway)")
        #expect(line.contains("2018-04-26"))
        #expect(line.contains("unless this is fixed"))
        #expect(PreflightText.render(r).contains("runway (from --status, by the state engine)"))
    }
}
