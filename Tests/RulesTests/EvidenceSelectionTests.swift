import Foundation
import LicensingModel
import Testing
@testable import Rules

/// Evidence that decides: identical messages grouped, each kind of evidence kept, capture items with an excerpt
/// (their reproduction hints are Reports', see ReproductionHintTests).
@Suite struct EvidenceSelectionTests {
    static let t0 = Date(timeIntervalSince1970: 1_600_000_000)

    static func retry(_ day: Int) -> PendingEvidence {
        PendingEvidence(
            label: "communication.failed", source: .line("slm.log", day + 1), time: t0.addingTimeInterval(Double(day) * 86_400),
            excerpt: "2020-09-\(day) ERROR Communication message send error", fields: ["reason": .string("Communication message send error")])
    }

    @Test("60 daily retries become one group; the one capture item after them is kept")
    func groupsAndKeepsEachKind() throws {
        var items = (0..<60).map(Self.retry)
        // Distinct log lines too, so there are more groups than the limit.
        items += (0..<30).map { i in
            PendingEvidence(label: "exception.raised", source: .line("slm.log", 100 + i), time: Self.t0.addingTimeInterval(Double(i)),
                excerpt: "e\(i)", fields: ["exception_message": .string("m\(i)")])
        }
        items.append(PendingEvidence(
            label: "proxy.connect", source: .frame("packets.cap", 9), time: Self.t0.addingTimeInterval(90 * 86_400),
            excerpt: "CONNECT tools.cisco.com:443",
            fields: ["status": .int(407), "reason_phrase": .string("Proxy Authentication Required"), "target": .string("tools.cisco.com:443")]))
        let (shown, omitted) = EvidenceSelection.select(items, limit: 20)
        #expect(shown.count == 20)
        let retries = try #require(shown.first { $0.label == "communication.failed" })
        #expect(retries.count == 60)
        #expect(retries.lastTime == Self.t0.addingTimeInterval(59 * 86_400))
        let capture = shown.first { $0.label == "proxy.connect" }
        #expect(capture?.excerpt == "CONNECT tools.cisco.com:443 → 407 Proxy Authentication Required")
        #expect(omitted == items.count - shown.reduce(0) { $0 + ($1.count ?? 1) })
    }

    @Test("a TLS handshake item names the presented chain, its issuer and its root")
    func tlsExcerpt() {
        let e = FindingEvidence(
            label: "tls.handshake", source: .frame("p.cap", 11), time: nil, excerpt: nil,
            fields: ["sni": .string("tools.cisco.com"), "dst": .string("127.0.0.9"), "dst_port": .int(443),
                     "outcome": .string("client_alert"), "alert": .string("unknown_ca"), "alert_sender": .string("client"),
                     "chain": .list([.string("CN=tools.cisco.com"), .string("CN=Corp Issuing CA")]),
                     "leaf_issuer": .string("CN=Corp Issuing CA"), "root_issuer": .string("CN=Corp Inspection Root"),
                     "chain_verdict": .string("incomplete")])
        let x = e.excerpt ?? ""
        #expect(x.contains("TLS tools.cisco.com → 127.0.0.9:443: client_alert, client alert unknown_ca"))
        #expect(x.contains("presented chain: CN=tools.cisco.com ← CN=Corp Issuing CA"))
        #expect(x.contains("root: CN=Corp Inspection Root (chain incomplete)"))
    }
}
