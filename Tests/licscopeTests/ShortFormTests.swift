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

    @Test("--summary --format json: the documented short form, its shared parts equal to the full document's")
    func summaryJSON() throws {
        let r = try BinaryRunner.run(["analyze", "--summary", "--format", "json", Self.sample])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let full = try #require(
            try JSONSerialization.jsonObject(with: Data(try BinaryRunner.run(["analyze", "--format", "json", Self.sample]).stdout.utf8))
                as? [String: Any])
        #expect(summary["schema"] as? String == "licscope.analysis-summary/1")
        #expect(summary["summary_of"] as? String == "licscope.analysis/1")
        // Only the documented keys (docs/report-schema.md), none of the full report's bulk; the lists always present.
        let always: Set<String> = ["schema", "summary_of", "tool", "inputs", "verdict", "product_instances", "findings",
            "not_evaluated", "connections", "runway", "collect"]
        let optional: Set<String> = ["time_zones", "evidence_start", "evidence_end", "window", "explanation"]
        #expect(always.isSubset(of: Set(summary.keys)) && Set(summary.keys).isSubset(of: always.union(optional)), "\(summary.keys)")
        for key in ["verdict", "connections", "runway", "inputs", "evidence_end"] {
            #expect((summary[key] as? NSObject) == (full[key] as? NSObject), "\(key) as in the full document")
        }
        let rows = try #require(summary["findings"] as? [[String: Any]])
        let fullFindings = try #require(full["findings"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == fullFindings.map { $0["id"] as? String })
        #expect(Set(rows.first?.keys.map { $0 } ?? []) == ["id", "rev", "kind", "title", "severity", "confidence", "first_evidence",
            "last_evidence", "evidence_count"])
        #expect((summary["collect"] as? [String]) == [], "this sample needs nothing collected")
        // A sample whose rules ask for more: each hint once, as the text summary lists them.
        let denver = BinaryRunner.packageRoot.appendingPathComponent("samples/auth-expired-no-provisioning-denver/bundle").path
        let asked = try #require(try JSONSerialization.jsonObject(
            with: Data(try BinaryRunner.run(["analyze", "--summary", "--format", "json", denver]).stdout.utf8)) as? [String: Any])
        let collect = try #require(asked["collect"] as? [String])
        #expect(!collect.isEmpty && Set(collect).count == collect.count)
        let text = try BinaryRunner.run(["analyze", "--summary", denver]).stdout
        #expect(collect.allSatisfy { text.contains(String($0.prefix(40))) }, "the same hints as the text summary")
        // --explain adds the full document's explanation object.
        let explained = try BinaryRunner.run(["analyze", "--summary", "--format", "json", "--explain", "CSCvc94366", Self.sample])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(explained.stdout.utf8)) as? [String: Any])
        #expect((doc["explanation"] as? [String: Any])?["id"] as? String == "CSCvc94366")
    }

    @Test("--summary --format html: a self-contained page with the short form, no timeline or evidence; jsonl refuses it")
    func summaryHTML() throws {
        let r = try BinaryRunner.run(["analyze", "--summary", "--format", "html", Self.sample])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.hasSuffix("</html>\n"))
        for part in ["id=\"verdict\"", "<th>Severity</th>", "CSCvc94366</code> rev 1", "id=\"connections\"",
            "id=\"runway\"", "default-src 'none'"] {
            #expect(r.stdout.contains(part), "has \(part)")
        }
        for part in ["<svg", "id=\"inventory\"", "id=\"assumptions\"", "class=\"evidence\"", "VERDICT\n"] {
            #expect(!r.stdout.contains(part), "leaves out \(part)")
        }
        #expect(!r.stdout.contains("<script"))
        let denver = BinaryRunner.packageRoot.appendingPathComponent("samples/auth-expired-no-provisioning-denver/bundle").path
        #expect(try BinaryRunner.run(["analyze", "--summary", "--format", "html", denver]).stdout.contains("<section id=\"collect\"><h2>What to collect</h2>"))
        let jsonl = try BinaryRunner.run(["analyze", "--summary", "--format", "jsonl", Self.sample])
        #expect(jsonl.status == 2 && jsonl.stdout.isEmpty)
        #expect(jsonl.stderr.hasPrefix("licscope: error: --summary has no JSON Lines form"))
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
