import Foundation
import LicensingModel
import PacketIngest
import Preflight
import Rules
import Testing

/// The proxy stage against tinyproxy started by the tests.
@Suite(.serialized)
struct PreflightProxyDNSTests {
    let pki = TestPKI.shared
    let base = PreflightIntegrationTests()

    @Test func proxyAllowsConnect() throws {
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        let (proxy, proxyPort) = try LoopbackServers.tinyproxy(connectPort: port)
        defer { proxy.stop() }
        // localhost: tinyproxy resolves it from /etc/hosts, so nothing leaves the machine.
        let r = base.run(try base.options("localhost", port: port, proxy: .init(host: "127.0.0.1", port: proxyPort)))
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        #expect(r.stages.first { $0.name == "proxy" }?.detail == "200")
        #expect(r.ladder.viaProxy)
        #expect(r.exitCode == 0)
    }

    @Test func proxyDeniesConnect() throws {
        let (proxy, proxyPort) = try LoopbackServers.tinyproxy(connectPort: 443)
        defer { proxy.stop() }
        let r = base.run(try base.options("tools.cisco.com", port: 8443, proxy: .init(host: "127.0.0.1", port: proxyPort)))
        base.expectFailure(r, stage: "proxy", reason: "answered CONNECT tools.cisco.com:8443 with 403", findings: ["proxy-denied"], exit: 12)
        #expect(r.events.contains { $0.kind == .proxyConnect && $0[text: "status"] == "403" })
    }

    @Test func proxyRequiresAuthentication() throws {
        let (proxy, proxyPort) = try LoopbackServers.tinyproxy(connectPort: 443, auth: ("licuser", "s3cret-Pa55"))
        defer { proxy.stop() }
        let r = base.run(try base.options("tools.cisco.com", port: 443, proxy: .init(host: "127.0.0.1", port: proxyPort)))
        base.expectFailure(r, stage: "proxy", reason: "with 407 Proxy Authentication Required (Proxy-Authenticate: Basic", findings: ["proxy-auth-required"], exit: 12)
        #expect(r.failedStage?.summary.contains("give --proxy-user") == true)
        #expect(!r.findings.map(\.id).contains("proxy-denied"))
    }

    @Test func proxyCredentialsAreSentAndNeverPrinted() throws {
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        let (proxy, proxyPort) = try LoopbackServers.tinyproxy(connectPort: port, auth: ("licuser", "s3cret-Pa55"))
        defer { proxy.stop() }
        let good = base.run(try base.options("localhost", port: port, proxy: .init(host: "127.0.0.1", port: proxyPort, user: "licuser", password: "s3cret-Pa55")))
        #expect(good.failedStage == nil, "\(good.stages.map(\.summary))")
        let bad = base.run(try base.options("tools.cisco.com", port: port, proxy: .init(host: "127.0.0.1", port: proxyPort, user: "licuser", password: "wrong-Pa55")))
        // tinyproxy answers wrong credentials with 401 (not 407); both are authentication refusals.
        base.expectFailure(bad, stage: "proxy", reason: "credentials of --proxy-user licuser were rejected", findings: ["proxy-auth-required"], exit: 12)
        #expect(bad.events.contains { $0.kind == .proxyConnect && $0[text: "outcome"] == "auth_required" })
        for text in [PreflightText.render(good), PreflightJSON.render(good), PreflightText.render(bad), PreflightJSON.render(bad)] {
            #expect(!text.contains("s3cret-Pa55") && !text.contains("wrong-Pa55"))
            #expect(!text.contains("bGljdXNlcjpz"))  // base64 of the credentials
        }
    }

    @Test func proxyOnPort443IsCSCvc94366() throws {
        // 127.0.0.2:443: loopback, nothing listens there.
        var o = try base.options("tools.cisco.com", port: 443, proxy: .init(host: "127.0.0.2", port: 443))
        o.cucmVersion = "12.0.1.21900-7"
        let r = base.run(o)
        base.expectFailure(r, stage: "tcp", reason: "TCP connection to proxy 127.0.0.2:443 refused", findings: ["CSCvc94366", "tcp-blocked"], exit: 11)
        let caveat = try #require(r.caveats.first { $0.rule == "CSCvc94366" })
        #expect(caveat.text.contains("CUCM 12.0.1.21900-7 is the release the bug headline was filed against"))
        o.cucmVersion = "14.0.1.13900-155"
        #expect(base.run(o).caveats.first?.text.contains("possible, not established") == true)
    }
}
