import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Unit vectors for the DNS, HTTP and TLS decoders, and their events on synthetic and corpus captures.
struct ProtocolTests {
    @Test func dnsNameCompressionAndLoopGuard() {
        let response = MessageBuilder.dnsResponse(id: 9, name: "tools.cisco.com", rcode: 0, answers: ["198.51.100.20"])
        let m = response.withUnsafeBytes { DNSMessage.parse($0) }
        #expect(m?.queryName == "tools.cisco.com")
        #expect(m?.answers.map(\.value) == ["198.51.100.20"])
        // A compression pointer that points at itself must not loop.
        var looping = MessageBuilder.dnsQuery(id: 1, name: "a")
        looping.replaceSubrange(12..<15, with: [0xC0, 0x0C, 0])
        #expect(looping.withUnsafeBytes { DNSMessage.parse($0) } == nil)
        #expect([UInt8]([0, 1, 2]).withUnsafeBytes { DNSMessage.parse($0) } == nil)
    }

    @Test func dnsNXDOMAINForToolsBecomesFailureAndLadder() throws {
        let a = try TestSupport.analyze(Scenario.dnsNXDOMAIN())
        let failure = try #require(a.events(.dnsFailure).first)
        #expect(failure.fields["rcode_name"] == "NXDOMAIN")
        #expect(failure.fields["query"] == "tools.cisco.com")
        #expect(failure.source.description == "t.pcap#2")
        let ladder = try #require(a.ladders.first)
        #expect(ladder.ladderText == "dns✗(NXDOMAIN)")
        #expect(ladder.failedStage == "dns")
        let attempt = try #require(a.events(.connectivityAttempt).first)
        #expect(attempt.fields["endpoint"] == "tools.cisco.com")
        #expect(attempt.fields["outcome"] == "failed")
    }

    @Test func unansweredQueriesAreTimeouts() throws {
        let a = try TestSupport.analyzeFixture("ticks-dns.pcap")
        #expect(a.events(.dnsFailure).count == 10)
        #expect(a.events(.dnsFailure).allSatisfy { $0.fields["reason"] == "timeout" })
        #expect(a.ladders.isEmpty)  // none of them is a licensing name
    }

    @Test func tcpRefusedAndUnanswered() throws {
        let refused = try TestSupport.analyze(Scenario.tcpFailure(refuse: true))
        #expect(refused.events(.tcpAttempt).first?.fields["outcome"] == "refused")
        #expect(refused.ladders.first?.ladderText == "dns✓ tcp✗(refused)")
        let silent = try TestSupport.analyze(Scenario.tcpFailure(refuse: false))
        let attempt = try #require(silent.events(.tcpAttempt).first)
        #expect(attempt.fields["outcome"] == "no_answer")
        #expect(attempt.fields["retries"] == .int(2))
        let ladder = try #require(silent.ladders.first)
        #expect(ladder.ladderText == "dns✓ tcp✗(no answer)")
        #expect(ladder.frames == [2, 3, 4, 5])
    }

    @Test func httpHeadVectors() {
        func parse(_ s: String) -> HTTPHead.ParseResult { Array(s.utf8).withUnsafeBytes { HTTPHead.parse($0) } }
        guard case .head(let h) = parse("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"x\"\r\n\r\n")
        else { Issue.record("no head"); return }
        #expect(h.status == 407)
        #expect(h.reason == "Proxy Authentication Required")
        #expect(h.header("proxy-authenticate") == "Basic realm=\"x\"")
        if case .needMore = parse("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: x") {} else { Issue.record("expected needMore") }
        if case .invalid = parse("BREW /pot HTTP/1.1\r\n\r\n") {} else { Issue.record("expected invalid") }
    }

    @Test func connect407WithProxyAuthenticate() throws {
        let a = try TestSupport.analyze(Scenario.proxy407())
        let connect = try #require(a.events(.proxyConnect).first)
        #expect(connect.fields["status"] == .int(407))
        #expect(connect.fields["outcome"] == "auth_required")
        #expect(connect.fields["target"] == "tools.cisco.com:443")
        #expect(connect.fields["proxy_authenticate"] == "Basic realm=\"corp\"")
        #expect(connect.source.description == "t.pcap#4")
        let ladder = try #require(a.ladders.first)
        #expect(ladder.ladderText == "tcp✓ proxy✗(407)")
        #expect(ladder.viaProxy)
        #expect(ladder.proxy == "192.0.2.80:3128")
        #expect(ladder.failure?.contains("407") == true)
    }

    @Test func proxyCredentialsNeverReachEvents() throws {
        let a = try TestSupport.analyze(Scenario.proxy407(withCredentials: true))
        let everything = a.events.map { "\($0.fields) \($0.excerpt ?? "")" }.joined()
        #expect(!everything.contains("c2VjcmV0dXNlcjpodW50ZXIy"))
        #expect(!a.events(.proxyConnect).isEmpty)
    }

    @Test func tlsInsideConnectTunnel() throws {
        let chain = [try TestSupport.der("certs/leaf-intercepted.pem"), try TestSupport.der("certs/fortigate-ca.pem")]
        let a = try TestSupport.analyze(Scenario.proxyTunnelTLS(chain: chain))
        let ladder = try #require(a.ladders.first)
        #expect(ladder.ladderText == "tcp✓ proxy✓(200) tls✓(TLS 1.2) certificate✗(unknown_ca)")
        #expect(ladder.targetPort == 443)
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["root_issuer"] == "CN=FortiGate CA,O=Fortinet")
        #expect(tls.fields["chain_detail"]?.text.contains("interception suspected") == true)
    }

    @Test func corpusConnectThroughProxy() throws {
        let a = try TestSupport.analyzeFixture("https-connect.pcap")
        let connect = try #require(a.events(.proxyConnect).first)
        #expect(connect.fields["target"] == "ts01-b.cloudsink.net:443")
        #expect(connect.fields["status"] == .int(200))
        #expect(a.flows.first?.clientHelloFrames == [8])
        #expect(a.flows.first?.certificateSubjects.first?.hasPrefix("CN=lfoup01-b.cloudsink.net") == true)
    }

    @Test func clientHelloVector() throws {
        let record = MessageBuilder.clientHello(sni: "tools.cisco.com", alpn: ["h2", "http/1.1"], versions: [0x0304, 0x0303])
        let body = Array(record[9...])
        let hello = try #require(body.withUnsafeBytes { TLSHandshakeParser.clientHello($0, frame: 1) })
        #expect(hello.sni == "tools.cisco.com")
        #expect(hello.alpn == ["h2", "http/1.1"])
        #expect(hello.supportedVersions == [0x0304, 0x0303])
        #expect(Array(body.prefix(20)).withUnsafeBytes { TLSHandshakeParser.clientHello($0, frame: 1) } == nil)
    }

    @Test func serverAlertHandshakeFailure() throws {
        let a = try TestSupport.analyzeFixture("tls-1.2-handshake-failure.pcap")
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["outcome"] == "server_alert")
        #expect(tls.fields["alert"] == "handshake_failure")
        #expect(tls.fields["alert_sender"] == "server")
        #expect(tls.fields["chain_verdict"] == "none")
    }

    @Test func satellitePostBecomesLicensingMessageAndLadder() throws {
        let a = try TestSupport.analyze(Scenario.satellitePost())
        let messages = a.events(.licensingMessage)
        #expect(messages.contains { $0.fields["request_type"] == "REGISTER" && $0.fields["direction"] == "request" })
        #expect(messages.contains { $0.fields["status"] == "SUCCESS" && $0.fields["direction"] == "response" })
        let ladder = try #require(a.ladders.first)
        #expect(ladder.endpoint == "http://203.0.113.30/Transportgateway/services/DeviceRequestHandler")
        #expect(ladder.ladderText == "tcp✓ http✓(200) licensing✓(SUCCESS)")
        #expect(ladder.outcome == "ok")
    }

    @Test func satelliteFailureStatusFailsLicensingStage() throws {
        let a = try TestSupport.analyze(Scenario.satellitePost(status: "FAILED"))
        #expect(a.ladders.first?.failedStage == "licensing")
    }
}

/// The licensing payload recognizer on the envelope shapes seen in the domain notes.
struct LicensingPayloadTests {
    @Test func callHomeEnvelopeWithEscapedSmartAgentJSON() throws {
        let body = """
            <soap-env:Envelope xmlns:soap-env="http://www.w3.org/2003/05/soap-envelope"><soap-env:Header>\
            <aml-session:Session><aml-session:To>http://tools.cisco.com/neddce/services/DDCEService</aml-session:To>\
            </aml-session:Session></soap-env:Header><soap-env:Body>{"request":"{\\"header\\":{\\"udi_pid\\":\\"UCM\\",\
            \\"udi_serial_number\\":\\"37624\\",\\"request_type\\":\\"THIRD_PARTY_KEY\\"}}"}</soap-env:Body></soap-env:Envelope>
            """
        let m = try #require(LicensingPayload.parse(Array(body.utf8)))
        #expect(m.messageType == "callhome")
        #expect(m.requestType == "THIRD_PARTY_KEY")
        #expect(m.udi == "PID:UCM,SN:37624")
    }

    @Test func unrelatedBodiesAreIgnored() {
        #expect(LicensingPayload.parse(Array("<html><body>hello</body></html>".utf8)) == nil)
        #expect(LicensingPayload.parse([]) == nil)
        #expect(LicensingPayload.isLicensingPath("/Transportgateway/services/DeviceRequestHandler"))
        #expect(!LicensingPayload.isLicensingPath("/index.html"))
    }
}
