import Foundation
import LicensingModel
import TestSupport
import Testing
import TextIngest
@testable import StateEngine

/// Mutated `show license` outputs go through the parser and the engine without trapping, and every time the
/// engine reports stays printable.
@Suite("show license outputs under mutation")
struct CLIReplayFuzzTests {
    static let fixtures = [
        "cucm-12.0-show-license-all.txt", "cucm-12.0-show-license-summary.txt", "asa-agent-1.6-failed-renewal.txt",
        "agent-1.3.5-eval-mode.txt", "cucm-out-of-compliance-proxy.txt",
    ]

    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TextIngestTests/Fixtures/cli/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Replaces, duplicates, drops and swaps lines, and plants absurd values in `key: value` lines.
    static func mutate(_ text: String, rng: inout SplitMix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let absurd = [
            "SUCCEEDED on Feb 30 25:61:61 2018 IST", "FAILED on Jan 26 15:11:23 9999 XYZ", "99999999999999999999 days",
            "1e308 days, 5 hours", "", ":", "on on on", "Jan 26 15:11:23 0001 UTC", "SUCCEEDED on Dec 31 23:59:59 9999 +14:00",
            String(repeating: "A", count: 10_000), "\u{0}\u{FFFD}", "REGISTERED on", "OUT OF COMPLIANCE as of as of",
        ]
        for _ in 0..<Int(rng.next() % 12) + 1 where !lines.isEmpty {
            let i = Int(rng.next() % UInt64(lines.count))
            switch rng.next() % 5 {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2:
                let j = Int(rng.next() % UInt64(lines.count))
                lines.swapAt(i, j)
            case 3:
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + absurd[Int(rng.next() % UInt64(absurd.count))]
                }
            default: lines[i] = String(lines[i].shuffled(using: &rng))
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("parse and replay never trap; printed times stay in range", arguments: Array(UInt64(1)...UInt64(60)))
    func mutated(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        for name in Self.fixtures {
            let text = Self.mutate(try Self.fixture(name), rng: &rng)
            for output in ShowLicenseParser.parse(text, zones: ZoneResolver()) {
                let r = Replay.run(SnapshotEvents.events(for: output, path: name))
                for t in r.transitions + r.runway { #expect(!t.at.iso8601UTC.isEmpty) }
                for d in r.deadlines { #expect(d.due.iso8601UTC.count >= 20) }
            }
        }
    }

    @Test("absurd remaining periods are refused, and absurd instants print pinned to the calendar's range")
    func absurdValues() {
        let text = """
            Registration:
              Status: UNREGISTERED
            License Authorization:
              Status: EVAL MODE
              Evaluation Period Remaining: 99999999999999999999 days
            """
        let output = ShowLicenseParser.parse(text, zones: ZoneResolver())[0]
        #expect(output.snapshot.authorization.evaluationRemaining == nil)
        #expect(Date(timeIntervalSince1970: 1e300).iso8601UTC == "9999-12-31T23:59:59Z")
        #expect(Date(timeIntervalSince1970: -1e300).iso8601UTC == "0001-01-01T00:00:00Z")
        #expect(Date(timeIntervalSince1970: .nan).iso8601UTC == "1970-01-01T00:00:00Z")
    }
}
