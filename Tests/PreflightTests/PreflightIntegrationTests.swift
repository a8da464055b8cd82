import Foundation
import LicensingModel
import PacketIngest
import Preflight
import Rules
import Testing

/// The pre-flight against real servers on 127.0.0.1 started by each test: an HTTPS server with throwaway
/// certificates, tinyproxy, dnsmasq, a closed port, a silent port. No packet leaves 127.0.0.0/8: names are mapped
/// with `resolve` or answered by the test's dnsmasq, and proxied targets are refused by tinyproxy before it
/// resolves them (or are `localhost`).
@Suite(.serialized)
struct PreflightIntegrationTests {
    static let rules: RuleSet = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules")
        do { return try RuleSet.load(directory: dir) } catch { fatalError("rules: \(error)") }
    }()

    let pki = TestPKI.shared

    func options(
        _ target: String, port: Int, proxy: PreflightOptions.Proxy? = nil, trust: Bool = true, timeout: Double = 2
    ) throws -> PreflightOptions {
        let url = try #require(PreflightTarget.parse("https://\(target):\(port)/"))
        return PreflightOptions(
            target: url, proxy: proxy,
            extraAnchorsPEM: trust ? [try String(contentsOfFile: pki.trustedCA, encoding: .utf8)] : [],
            resolve: ["tools.cisco.com": "127.0.0.1", "smartreceiver.cisco.com": "127.0.0.1"], timeoutSeconds: timeout)
    }

    func run(_ options: PreflightOptions, status: [[Event]] = [], capture: String? = nil) -> PreflightResult {
        PreflightRun.run(options, context: .init(rules: Self.rules, statusGroups: status, capturePath: capture))
    }

    func expectFailure(
        _ r: PreflightResult, stage: String, reason: String, findings: [String], exit: Int32,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.failedStage?.name == stage, "stages: \(r.stages.map { "\($0.name) \($0.ok) \($0.summary)" })", sourceLocation: sourceLocation)
        #expect(r.failedStage?.summary.contains(reason) == true, "reason: \(r.failedStage?.summary ?? "none")", sourceLocation: sourceLocation)
        let ids = r.findings.map(\.id)
        for id in findings { #expect(ids.contains(id), "findings: \(ids)", sourceLocation: sourceLocation) }
        #expect(r.exitCode == exit, sourceLocation: sourceLocation)
        #expect(r.ladder.failedStage == (stage == "clock" ? nil : stage), sourceLocation: sourceLocation)
        let ladderEvent = r.events.first { $0.kind == .connectivityAttempt }
        #expect(ladderEvent?[text: "failed_stage"] == (stage == "clock" ? nil : stage), sourceLocation: sourceLocation)
    }

    @Test func trustedChainPassesEveryStage() throws {
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port))
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        #expect(r.exitCode == 0)
        #expect(r.stages.map(\.name) == ["dns", "tcp", "tls", "certificate", "http", "licensing", "clock"])
        #expect(r.ladder.ladderText.hasPrefix("dns✓(--resolve) tcp✓ tls✓(TLS 1.3) certificate✓"))
        // Trusted only through --ca-file: said, not hidden.
        #expect(r.stages.first { $0.name == "certificate" }?.warning?.contains("--ca-file") == true)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.id))")
    }

    @Test func systemResolverIsUsedWithoutResolveOrDNSServer() throws {
        // localhost comes from /etc/hosts through getaddrinfo (on its own thread, bounded by the stage budget).
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        var o = try options("localhost", port: port)
        o.resolve = [:]
        let r = run(o)
        #expect(r.stages.first?.summary.hasPrefix("system resolver: localhost → 127.0.0.1") == true, "\(r.stages.map(\.summary))")
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        #expect(r.ladder.endpoint == "https://localhost:\(port)/Transportgateway/services/DeviceRequestHandler")
    }

    @Test func untrustedChainNamingCiscosPublicCA() throws {
        let (server, port) = try LoopbackServers.tls(pki.untrustedPublicLooking)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port, trust: false))
        expectFailure(r, stage: "certificate", reason: "untrusted chain: it names a public CA Cisco uses (hydrantid)",
                      findings: ["tls-untrusted-ca"], exit: 14)
        let tls = r.events.last { $0.kind == .tlsHandshake }
        #expect(tls?[text: "alert"] == "unknown_ca")
        #expect(tls?[text: "alert_sender"] == "client")
        // The server sends leaf and intermediate, not the root (as servers do): OpenSSL cannot find the issuer.
        #expect(tls?[text: "chain_verdict"] == "incomplete")
    }

    @Test func interceptingCA() throws {
        let (server, port) = try LoopbackServers.tls(pki.intercepting)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port))
        expectFailure(r, stage: "certificate", reason: "TLS interception: the chain for tools.cisco.com is issued by CN=FortiGate SSL Inspection CA",
                      findings: ["tls-interception"], exit: 14)
        #expect(!r.findings.map(\.id).contains("tls-untrusted-ca"))
    }

    @Test func expiredCertificate() throws {
        let (server, port) = try LoopbackServers.tls(pki.expired)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port))
        expectFailure(r, stage: "certificate", reason: "expired on 2021-01-01T00:00:00Z", findings: ["tls-certificate-invalid"], exit: 14)
        #expect(r.events.last { $0.kind == .tlsHandshake }?[text: "chain_verdict"] == "expired")
    }

    @Test func certificateForAnotherName() throws {
        let (server, port) = try LoopbackServers.tls(pki.wrongName)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port))
        expectFailure(r, stage: "certificate", reason: "certificate names wrong.example.net, not tools.cisco.com", findings: ["tls-certificate-invalid"], exit: 14)
        #expect(r.events.last { $0.kind == .tlsHandshake }?[text: "chain_verdict"] == "name_mismatch")
    }

    @Test func serverDateAnHourOff() throws {
        let (server, port) = try LoopbackServers.tls(pki.good, dateOffset: 3900)
        defer { server.stop() }
        let r = run(try options("tools.cisco.com", port: port))
        expectFailure(r, stage: "clock", reason: "the local clock is 1 hour 5 minutes", findings: ["clock-skew"], exit: 17)
        #expect(r.events.contains { $0.kind == .httpResponse && ($0.fields["clock_offset_seconds"]?.text).flatMap { Int($0) }.map { abs($0 - 3900) <= 2 } == true })
        #expect(r.failedStage?.summary.contains("behind the server") == true)
    }

    @Test func closedPort() throws {
        let r = run(try options("tools.cisco.com", port: LoopbackServers.freePort()))
        expectFailure(r, stage: "tcp", reason: "refused (RST)", findings: ["tcp-blocked"], exit: 11)
    }

    @Test func portThatNeverAnswersIsBoundedByTheTimeout() throws {
        let (fds, port) = LoopbackServers.fullBacklogListener()
        defer { fds.forEach { close($0) } }
        let start = Date()
        let r = run(try options("tools.cisco.com", port: port, timeout: 1))
        expectFailure(r, stage: "tcp", reason: "no answer from 127.0.0.1:\(port) to the TCP SYN within 1 s", findings: ["tcp-blocked"], exit: 11)
        #expect(Date().timeIntervalSince(start) < 3.5)  // 1 s budget, plus rules and scheduling on a busy machine
    }

    @Test func serverThatAcceptsAndNeverSpeaksTLS() throws {
        let (fd, port) = LoopbackServers.silentListener()
        defer { close(fd) }
        let start = Date()
        let r = run(try options("tools.cisco.com", port: port, timeout: 1))
        expectFailure(r, stage: "tls", reason: "no TLS answer from 127.0.0.1:\(port) within 1 s", findings: ["tls-handshake-stalled"], exit: 13)
        #expect(r.events.last { $0.kind == .tlsHandshake }?[text: "outcome"] == "timeout")
        #expect(!r.findings.map(\.id).contains("tcp-blocked"))
        #expect(Date().timeIntervalSince(start) < 3.5)  // 1 s budget, plus rules and scheduling on a busy machine
    }

    @Test func serverThatStallsPartWayThroughItsFirstFlight() throws {
        // Reads the ClientHello, sends a TLS record header announcing 100 bytes and 5 of them, then stays silent
        // (the readiness probe's connection sends nothing and gets nothing).
        let port = LoopbackServers.freePort()
        let script = """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(4)
            held = []
            while True:
                c, _ = s.accept(); held.append(c)
                if c.recv(4096): c.sendall(bytes([22, 3, 3, 0, 100]) + bytes(5))
            """
        let server = try LoopbackProcess("python3", ["-c", script, String(port)])
        defer { server.stop() }
        try LoopbackServers.waitForTCP(port, process: server)
        let r = run(try options("tools.cisco.com", port: port, timeout: 1))
        expectFailure(r, stage: "tls", reason: "the TLS handshake with 127.0.0.1:\(port) for tools.cisco.com stalled: 10 byte(s) from the server, then nothing within 1 s",
                      findings: ["tls-handshake-stalled"], exit: 13)
    }
}
