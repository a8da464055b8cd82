import Foundation
import LicensingModel
@testable import PacketIngest
import Testing

/// The bundled sample capture: a client speaking TLS straight to an HTTP proxy on port 443, which answers 400.
@Suite("ladder: TLS sent to an HTTP proxy port")
struct ProxyPortLadderTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/proxy-443-bundle/packets.cap").path

    @Test("each attempt fails at the proxy stage, via the proxy, with the HTTP answer as the deciding frame")
    func proxyStage() throws {
        let a = CaptureAnalyzer.analyze(path: Self.sample, options: CaptureOptions())
        #expect(a.errors.isEmpty)
        #expect(a.ladders.count == 3)
        for ladder in a.ladders {
            #expect(ladder.endpoint == "tools.cisco.com")
            #expect(ladder.viaProxy)
            #expect(ladder.proxy == "192.0.2.10:443")
            #expect(ladder.failedStage == "proxy")
            #expect(ladder.stageReached == "tcp")
            #expect(ladder.ladderText.hasPrefix("dns✓(proxy proxy.example.net) tcp✓ proxy✗(400"))
            #expect(ladder.failure?.contains("without CONNECT") == true)
        }
        #expect(a.ladders.first?.frames == [2, 3, 4, 6, 7])
        let attempts = a.events.filter { $0.kind == .connectivityAttempt }
        #expect(attempts.allSatisfy { $0.fields["failed_stage"]?.text == "proxy" && $0.fields["via_proxy"] == .bool(true) })
    }
}

@Suite("ladder: a CONNECT the proxy never answers")
struct UnansweredConnectLadderTests {
    @Test("the failure says the proxy did not answer, never that it answered")
    func unanswered() throws {
        let a = try TestSupport.analyze(Scenario.proxyConnectUnanswered())
        let ladder = try #require(a.ladders.first)
        #expect(ladder.failedStage == "proxy")
        #expect(ladder.ladderText.contains("proxy✗(no answer)"))
        #expect(ladder.failure?.contains("did not answer CONNECT tools.cisco.com:443") == true)
        #expect(ladder.failure?.contains("answered CONNECT") == false)
    }
}

@Suite("hostile names and credentials in captures")
struct HostileCaptureTextTests {
    @Test("DNS labels print in dig's presentation form: no control bytes, no forged lines")
    func dnsLabels() {
        let hostile: [UInt8] = Array("ok\n  [HIGH] FAKE".utf8) + [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x00, 0x2E, 0x5C]
        let label = DNSMessage.presentationLabel(hostile)
        #expect(!label.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(label.hasPrefix("ok\\010\\032\\032[HIGH]\\032FAKE\\027[31m\\000\\.\\\\"))
        #expect(DNSMessage.presentationLabel(Array("tools".utf8)) == "tools")
    }

    @Test("a user:password@ prefix is never taken for the host")
    func userinfo() {
        #expect(HostPort.split("user:PW@tools.cisco.com:443", defaultPort: 443) == ("tools.cisco.com", 443))
        #expect(HostPort.split("tools.cisco.com", defaultPort: 443) == ("tools.cisco.com", 443))
        #expect(HostPort.split("[2001:db8::1]:8080", defaultPort: nil) == ("2001:db8::1", 8080))
    }
}

@Suite("event limit")
struct EventLimitTests {
    @Test("past the limit per-packet events are counted, while ladders and anomalies are still kept")
    func summariesSurviveTheLimit() {
        var sink = EventSink(path: "big.cap", limit: 2)
        for n in 1...3 { sink.add(.tcpAttempt, frame: n, time: nil, fields: [:]) }
        #expect(sink.events.count == 2 && sink.dropped == 1)
        sink.appendSummary(Event(kind: .connectivityAttempt, time: nil, source: .frame("big.cap", 1)))
        sink.addAnomaly("event_limit", detail: "1 not kept", frame: 1, time: nil)
        #expect(sink.events.map(\.kind) == [.tcpAttempt, .tcpAttempt, .connectivityAttempt, .captureAnomaly])
        #expect(sink.dropped == 1)
    }
}
