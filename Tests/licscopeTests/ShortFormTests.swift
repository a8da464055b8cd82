import Foundation
import Testing

/// `--summary`, `-q` and `--min-level` (what is shown) apart from `--fail-on` (the exit code).
@Suite("analyze short forms")
struct ShortFormTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path

    @Test("--summary: verdict, findings table, connections, runway, collect hints once each")
    func summary() throws {
        let r = try BinaryRunner.run(["analyze", "--summary", Self.sample])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count < 40, "\(r.stdout)")
        for head in ["VERDICT", "FINDINGS", "CONNECTIONS", "RUNWAY"] { #expect(r.stdout.contains(head + "\n") || r.stdout.contains(head + " ")) }
        #expect(r.stdout.contains("CSCvc94366 rev 1"))
        #expect(r.stdout.contains("proxy✗(400, no CONNECT)"))
        let collect = lines.filter { $0.hasPrefix("  - ") }
        #expect(Set(collect).count == collect.count, "collect hints are deduplicated")
    }

    @Test("-q prints nothing; the exit code is the answer")
    func quiet() throws {
        let r = try BinaryRunner.run(["analyze", "-q", Self.sample])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test("--min-level hides findings below it but the exit code still follows --fail-on")
    func minLevel() throws {
        let r = try BinaryRunner.run(["analyze", "--min-level", "critical", Self.sample])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("[HIGH]"))
        #expect(try BinaryRunner.run(["analyze", "--min-level", "nonsense", Self.sample]).status == 2)
    }

    @Test("Markdown is the case note by default (verdict, zone decision, findings table, runway, collect once); --full is the whole report")
    func markdownSummary() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("samples/auth-expired-no-provisioning-denver/bundle").path
        let note = try BinaryRunner.run(["analyze", "--format", "markdown", folder])
        let full = try BinaryRunner.run(["analyze", "--format", "markdown", "--full", folder])
        #expect(note.status == full.status)
        for part in ["**Verdict (CRITICAL):**", "Time zones of sources that print none", "## Findings", "| # | Severity |",
            "## Runway", "`licscope analyze --format markdown --full`"] {
            #expect(note.stdout.contains(part), "the note has \(part)")
        }
        for part in ["**Evidence**", "## State timeline", "## Inventory", "## Assumptions", "```sh"] {
            #expect(!note.stdout.contains(part), "the note leaves \(part) to --full")
            #expect(full.stdout.contains(part), "--full has \(part)")
        }
        #expect(note.stdout.split(separator: "\n").count * 3 < full.stdout.split(separator: "\n").count)
        let collect = note.stdout.components(separatedBy: "## What to collect\n\n").dropFirst().first?
            .split(separator: "\n").prefix { $0.hasPrefix("- ") } ?? []
        #expect(Set(collect).count == collect.count, "collect lines are deduplicated")
        // --summary with Markdown is the same note; with --full it is a usage error.
        #expect(try BinaryRunner.run(["analyze", "--format", "markdown", "--summary", folder]).stdout == note.stdout)
        #expect(try BinaryRunner.run(["analyze", "--summary", "--full", folder]).status == 2)
    }

    @Test("--also-report markdown (triage --reports) writes the full report, not the case note")
    func alsoReportIsFull() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("also-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try BinaryRunner.run(["analyze", "--also-report", "markdown:\(file.path)", Self.sample])
        #expect(r.status == 1)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("## State timeline") && text.contains("## Inventory"))
    }
}
