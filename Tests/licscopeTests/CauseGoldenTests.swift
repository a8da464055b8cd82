import Foundation
import Testing

/// Whole `analyze` runs of four samples with one cause each, kept as goldens per format (text, Markdown case note
/// and --full, JSON, HTML, JSON Lines) under `Fixtures/golden/<sample>.<ext>`: the verdict, grouped evidence, the
/// Connections section and the capture excerpts as a reader gets them. `LICSCOPE_UPDATE_GOLDEN=1 swift test
/// --filter CauseGoldenTests` rewrites them; review the diff before committing.
@Suite("analyze goldens (one cause per sample)")
struct CauseGoldenTests {
    static let formats: [(args: [String], ext: String)] = [
        (["--color", "never"], "txt"), (["--format", "markdown"], "note.md"), (["--format", "markdown", "--full"], "md"),
        (["--format", "json"], "json"), (["--format", "html"], "html"), (["--format", "jsonl"], "jsonl"),
        (["--summary", "--color", "never"], "summary.txt"), (["--summary", "--format", "json"], "summary.json"),
        (["--summary", "--format", "html"], "summary.html"),
    ]

    @Test("each format", arguments: ["proxy-407-london", "tls-interception-paris", "slm-stopped-chicago", "satellite-tier-gap-sydney"])
    func golden(_ sample: String) throws {
        for format in Self.formats {
            let r = try BinaryRunner.run(["analyze"] + format.args + ["samples/\(sample)/bundle"])
            #expect([1, 4].contains(r.status), "a finding: \(r.stderr)")
            let file = AnalyzeGoldenTests.folder.appendingPathComponent("\(sample).\(format.ext)")
            if ProcessInfo.processInfo.environment["LICSCOPE_UPDATE_GOLDEN"] == "1" {
                try Data(r.stdout.utf8).write(to: file)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(r.stdout == expected, "\(sample).\(format.ext) differs: run LICSCOPE_UPDATE_GOLDEN=1 swift test --filter CauseGoldenTests and review the diff")
        }
    }

    @Test("what the goldens show: the cause named in the verdict, grouped evidence, connections, capture excerpts")
    func content() throws {
        func text(_ sample: String) throws -> String {
            try BinaryRunner.run(["analyze", "--color", "never", "samples/\(sample)/bundle"]).stdout
        }
        let proxy = try text("proxy-407-london")
        #expect(proxy.contains("HIGH (proxy-auth-required): The proxy answers 407 Proxy Authentication Required"))
        #expect(proxy.contains("CONNECTIONS") && proxy.contains("proxy✗(407"))
        #expect(proxy.contains("→ 407 Proxy Authentication Required"), "the capture excerpt")
        #expect(proxy.range(of: #" ×\d+ until "#, options: .regularExpression) != nil, "grouped evidence")
        let paris = try text("tls-interception-paris")
        let verdict = try #require(paris.components(separatedBy: "FINDINGS").first)
        #expect(verdict.contains("FW-SSL-Inspection-CA"), "the interception CA is named in the verdict")
        #expect(paris.contains("CONNECTIONS") && paris.contains("presented chain:"))
        for format in Self.formats {
            let out = try BinaryRunner.run(["analyze"] + format.args + ["samples/tls-interception-paris/bundle"]).stdout
            #expect(!out.contains("FN72318"), "interception is not blamed on FN72318 (\(format.ext))")
        }
        #expect(try text("slm-stopped-chicago").contains("CRITICAL (CSCvf86710): The Cisco Smart License Manager service is not running"))
        #expect(try text("satellite-tier-gap-sydney").contains("HIGH (CSCvh16069):"))
    }
}
