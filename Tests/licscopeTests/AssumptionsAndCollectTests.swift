import Foundation
import Testing

/// Assumptions are said once per file, with the lines each covers; what to collect is said once, however many rules
/// need it.
@Suite("assumptions per file, collect hints once")
struct AssumptionsAndCollectTests {
    static let denver = "samples/auth-expired-no-provisioning-denver/bundle"

    @Test("an empty folder: each collect hint once in every format", arguments: [
        ["--color", "never"], ["--format", "markdown", "--full"], ["--format", "html"],
    ])
    func collectOnce(_ options: [String]) throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try BinaryRunner.run(["analyze"] + options + [empty.path])
        #expect(r.status == 5, "no evidence: \(r.stderr)")
        // The `show license all` hint is wanted by most rules; it is printed once.
        let hint = "from the publisher CLI"
        #expect(r.stdout.components(separatedBy: hint).count - 1 == 1, "\(r.stdout)")
        #expect(r.stdout.components(separatedBy: "traces (RTMT Trace").count - 1 == 1)
        if !options.contains("html") { #expect(r.stdout.split(separator: "\n").count < 100, "was 136 lines (text)") }
    }

    @Test("assumptions: one header per file with the lines each assumption covers", arguments: [
        ["--color", "never"], ["--format", "markdown", "--full"], ["--format", "html"],
    ])
    func perFile(_ options: [String]) throws {
        let r = try BinaryRunner.run(["analyze"] + options + [Self.denver])
        let tail = try #require(r.stdout.components(separatedBy: options.contains("html") ? "id=\"assumptions\"" : options.contains("markdown") ? "## Assumptions" : "ASSUMPTIONS").last)
        // Wrapped lines joined, so each assumption reads on one line.
        let section = tail.replacingOccurrences(of: #"\n\s+"#, with: " ", options: .regularExpression)
        let header = try #require(section.range(of: #"log4j/slm\.log(`|</code>)? — \d+ lines"#, options: .regularExpression))
        let zone = try #require(section.range(of: #"America/Denver\) \(\d+ lines\)"#, options: .regularExpression))
        #expect(header.lowerBound < zone.lowerBound)
        #expect(section.range(of: #"show-license-all\.txt(`|</code>)? — \d+ lines?"#, options: .regularExpression) != nil)
    }

    @Test("JSON: assumption_groups per file, with line counts")
    func json() throws {
        let r = try BinaryRunner.run(["analyze", "--format", "json", Self.denver])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let groups = try #require(doc["assumption_groups"] as? [[String: Any]])
        let slm = try #require(groups.first { ($0["path"] as? String)?.hasSuffix("log4j/slm.log") == true })
        #expect(slm["unit"] as? String == "lines")
        let items = try #require(slm["items"] as? [[String: Any]])
        #expect(items.contains { ($0["text"] as? String)?.hasPrefix("no zone printed") == true && ($0["lines"] as? Int ?? 0) > 1 })
    }
}
