import Foundation
import LicensingModel
import Preflight
import Rules
import Testing

/// The DNS stage with `--dns-server` against dnsmasq started by the tests, next to the system resolver. The name
/// is `localhost`, which the system resolver answers from /etc/hosts, so no query leaves the machine; dnsmasq
/// answers it as each test needs (the same address, another one, NXDOMAIN).
@Suite(.serialized)
struct PreflightDNSTests {
    let pki = TestPKI.shared
    let base = PreflightIntegrationTests()

    func options(dnsPort: Int, port: Int, timeout: Double = 2) throws -> PreflightOptions {
        var o = try base.options("localhost", port: port, timeout: timeout)
        o.resolve = [:]
        o.dnsServer = ("127.0.0.1", dnsPort)
        return o
    }

    func comparisonEvents(_ r: PreflightResult) -> [Event] {
        r.events.filter { ($0.kind == .dnsAnswer || $0.kind == .dnsFailure) && $0.fields["other_server"] != nil }
    }

    @Test func serverAndSystemResolverAgree() throws {
        let (dns, dnsPort) = try LoopbackServers.dnsmasq(localhost: "127.0.0.1")
        defer { dns.stop() }
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        let r = base.run(try options(dnsPort: dnsPort, port: port))
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        let stage = try #require(r.stages.first)
        #expect(stage.summary.hasPrefix("127.0.0.1:\(dnsPort): localhost → 127.0.0.1; system resolver: localhost → 127.0.0.1"), "\(stage.summary)")
        #expect(stage.warning == nil)
        let events = comparisonEvents(r)
        #expect(events.map { $0[text: "server"] } == ["127.0.0.1:\(dnsPort)", "system resolver"])
        #expect(events.allSatisfy { $0.fields["resolvers_agree"] == .bool(true) })
        #expect(!r.findings.map(\.id).contains("dns-resolvers-disagree"))
    }

    @Test func splitHorizonIsAFindingWithBothAnswers() throws {
        let (dns, dnsPort) = try LoopbackServers.dnsmasq(localhost: "127.0.0.2")
        defer { dns.stop() }
        let port = LoopbackServers.freePort()
        let r = base.run(try options(dnsPort: dnsPort, port: port))
        let stage = try #require(r.stages.first)
        #expect(stage.ok)
        #expect(stage.summary.contains("127.0.0.1:\(dnsPort): localhost → 127.0.0.2; system resolver: localhost → 127.0.0.1"), "\(stage.summary)")
        #expect(stage.summary.hasSuffix(" — they disagree"))
        #expect(stage.warning?.contains("split-horizon DNS, or the product's DNS differs from this host's; the pre-flight used 127.0.0.1:\(dnsPort)'s answer") == true)
        // The pre-flight goes where the product's DNS points: 127.0.0.2, where nothing listens.
        #expect(r.failedStage?.name == "tcp")
        #expect(r.failedStage?.summary.contains("127.0.0.2:\(port)") == true)
        let finding = try #require(r.findings.first { $0.id == "dns-resolvers-disagree" })
        #expect(finding.verdict.contains("127.0.0.1:\(dnsPort) answered 127.0.0.2, system resolver answered 127.0.0.1"), "\(finding.verdict)")
        let events = comparisonEvents(r)
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.fields["resolvers_agree"] == .bool(false) })
        #expect(events.first { $0[text: "server"] == "system resolver" }?[text: "other_answers"] == "127.0.0.2")
    }

    @Test func productDNSSaysNXDOMAINWhileTheHostResolves() throws {
        let (dns, dnsPort) = try LoopbackServers.dnsmasq(localhost: "")
        defer { dns.stop() }
        let r = base.run(try options(dnsPort: dnsPort, port: 443))
        base.expectFailure(r, stage: "dns", reason: "DNS NXDOMAIN for localhost from 127.0.0.1:\(dnsPort); system resolver: localhost → 127.0.0.1",
                           findings: ["dns-failure", "dns-resolvers-disagree"], exit: 10)
        #expect(r.failedStage?.summary.hasSuffix(" — they disagree") == true)
        #expect(comparisonEvents(r).first { $0[text: "server"] == "system resolver" }?[text: "other_answers"] == "NXDOMAIN")
    }

    @Test func silentServerIsBoundedAndNotComparedWithTheSystemResolver() throws {
        let (fd, dnsPort) = LoopbackServers.silentUDP()
        defer { close(fd) }
        let start = Date()
        let r = base.run(try options(dnsPort: dnsPort, port: 443, timeout: 1))
        base.expectFailure(r, stage: "dns", reason: "no DNS answer for localhost from 127.0.0.1:\(dnsPort) within 1 s; system resolver: localhost → 127.0.0.1",
                           findings: ["dns-failure"], exit: 10)
        #expect(!r.findings.map(\.id).contains("dns-resolvers-disagree"))
        #expect(comparisonEvents(r).allSatisfy { $0.fields["resolvers_agree"] == nil })
        #expect(Date().timeIntervalSince(start) < 3.5)  // 1 s budget shared by both lookups, plus rules on a busy machine
    }
}
