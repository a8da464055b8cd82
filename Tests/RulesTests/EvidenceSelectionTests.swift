import Foundation
import LicensingModel
import Testing
@testable import Rules

/// Evidence that decides: identical messages grouped, each kind of evidence kept, capture items with an excerpt,
/// reproduction hints that run as printed.
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
        #expect(e.reproduction == "tshark -r 'p.cap' -Y \"frame.number == 11\"")
    }

    @Test("reproduction hints for files inside archives run as printed", arguments: [
        ("b.zip!cm/slm.log", SourcePointer.Location.line(5), "x", "unzip -p 'b.zip' 'cm/slm.log' | sed -n '5p'"),
        ("b.tar.gz!cm/slm.log", .line(5), "x", "tar -xOzf 'b.tar.gz' --no-anchored 'cm/slm.log' | sed -n '5p'"),
        ("b.tar!p.cap", .frame(3), "x", "tar -xOf 'b.tar' --no-anchored 'p.cap' | tshark -r - -Y \"frame.number == 3\""),
        ("b.zip!slm.log.1.gz", .line(2), "x", "unzip -p 'b.zip' 'slm.log.1.gz' | gzip -dc | sed -n '2p'"),
        ("slm.log.1.gz", .line(2), "ERROR send", "zgrep -nF -- 'ERROR send' 'slm.log.1.gz'"),
        ("a.zip!in.tgz!x.log", .line(1), "x", "unzip -p 'a.zip' 'in.tgz' | tar -xOzf - --no-anchored 'x.log' | sed -n '1p'"),
        // Standard input (`licscope analyze -`): the hint reads the same input piped in again.
        ("<stdin>", .line(2), "ERROR send", "grep -nF -- 'ERROR send'"),
        ("<stdin>", .frame(3), "x", "tshark -r - -Y \"frame.number == 3\""),
        ("<stdin>!cm/slm.log", .line(5), "x",
         "(f=$(mktemp) && cat > \"$f\" && { unzip -p \"$f\" 'cm/slm.log' 2>/dev/null || tar -xOf \"$f\" --no-anchored 'cm/slm.log'; }; rm -f \"$f\") | sed -n '5p'"),
    ])
    func archiveHints(_ path: String, _ location: SourcePointer.Location, _ excerpt: String, _ expected: String) {
        let pointer = SourcePointer(path: path, location: location)
        #expect(ReproductionHint.command(for: pointer, excerpt: excerpt) == expected)
        #expect(!(ReproductionHint.command(for: pointer, excerpt: excerpt) ?? "").contains("!"))
    }
}
