import Foundation
import LicensingModel
import Testing
@testable import Reports

/// The message written straight from a one-line excerpt is byte for byte the message built as a string
/// (``TimelineJSONLRenderer/message(_:)``, cut at 1,000 characters), and every other excerpt takes that path.
@Suite struct RecordMessageTests {
    static func event(_ kind: EventKind, excerpt: String?) -> Event {
        Event(
            kind: kind, time: EventTime(instant: Date(timeIntervalSince1970: 1_516_924_800.5), raw: "raw"),
            source: .line("slm.log", 3), fields: ["level": "DEBUG"], excerpt: excerpt, screened: true)
    }

    static let long = String(repeating: "abcdefghi ", count: 120)
    static let excerpts: [String?] = [
        nil, "", " ", "\t \t", "plain line", "  lead and trail \t", "\ttabbed", "quote \" back \\ slash",
        "ctl \u{1} \u{1F} \u{7F} end", "two\nlines", "cr\rline", "vt\u{0B}ff\u{0C}", "crlf\r\n", "\nleading break",
        "Zürich", "rlo \u{202E} here", "nbsp\u{A0}", "\u{A0}nbsp edges\u{2003}", "sep\u{2028}para\u{2029}",
        String(long.prefix(974)), String(long.prefix(975)), String(long.prefix(976)), String(long.prefix(977)), String(long.prefix(978)),
        "  " + String(long.prefix(976)) + "  ", long, "é" + long, long + "\nsecond",
        "dns✓ tcp✓ tls✓(TLS 1.2) certificate✓(name_mismatch)", "  ✓ inner \t", "✓ starts", "ends ✓", "a\u{85}b",
        "a\u{2028}b", "a\u{2029}", " \u{301}x", "x \u{301}", "\u{A0}x", "x\u{3000}", "e\u{301} combined",
        String(repeating: "✓", count: 325) + "ab", String(repeating: "✓", count: 326),
    ]

    @Test("the same bytes as the message built as a string, for every excerpt shape")
    func sameAsBuiltMessage() {
        for kind in [EventKind.entitlementRequested, .stateTransition, .engineAnomaly] {
            for excerpt in Self.excerpts {
                let e = Self.event(kind, excerpt: excerpt)
                var bytes: [UInt8] = []
                #expect(EventRecordEncoder.append(e, to: &bytes))
                #expect(bytes == EventRecordScreenTests.eachTextRedacted(e), "\(kind) \(String(describing: excerpt))")
            }
        }
    }

    @Test("only one-line excerpts with ASCII ends and a short enough message are written straight")
    func fastPathTaken() {
        func direct(_ excerpt: String?, _ kind: EventKind = .entitlementRequested) -> Bool {
            var bytes: [UInt8] = []
            return RecordMessage.appendFromExcerpt(of: Self.event(kind, excerpt: excerpt), to: &bytes)
        }
        #expect(direct("plain line") && direct("  lead \t") && direct(" ") && direct("ctl \u{1}"))
        // `entitlement.requested: ` is 23 bytes: 977 more make a message of 1,000, which is not cut.
        #expect(direct(String(Self.long.prefix(977))) && !direct(String(Self.long.prefix(978))))
        #expect(!direct(nil) && !direct("") && !direct("two\nlines") && !direct("vt\u{0B}"))
        // Not ASCII: written straight unless it holds a line break Character knows or an end that could be trimmed.
        #expect(direct("Zürich") && direct("dns✓ tcp✗ tls✓ ok") && direct(" a✓ inner\t") && direct("e\u{301} combined"))
        #expect(!direct("a\u{85}b") && !direct("a\u{2028}b") && !direct("a\u{2029}") && !direct("\u{A0}x"))
        #expect(!direct("✓ starts") && !direct("ends ✓") && !direct(" \u{301}x") && !direct("x\u{3000}"))
        #expect(!direct("plain", .stateTransition) && !direct("plain", .engineAnomaly))
    }

    @Test("the word check finds a break or a non-ASCII byte at every position, and nothing else")
    func wordCheckIsExact() {
        for position in 0..<8 {
            for value in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[position] = UInt8(value)
                let w = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(RecordMessage.wordMayBreak(w) == (value >= 0x80 || (0x0A...0x0D).contains(value)), "\(value) at \(position)")
            }
        }
    }
}
