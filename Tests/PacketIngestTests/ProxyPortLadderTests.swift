import Foundation
import LicensingModel
import PacketIngest
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
