import Foundation
import Testing

@Suite("licscope analyze")
struct AnalyzeCommandTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path

    @Test("text report on the sample: verdict first, then timeline, then inventory; exit 1 for a high finding")
    func text() throws {
        let r = try BinaryRunner.run(["analyze", Self.sample])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let verdict = try #require(r.stdout.range(of: "VERDICT"))
        let timeline = try #require(r.stdout.range(of: "STATE TIMELINE"))
        let inventory = try #require(r.stdout.range(of: "INVENTORY"))
        #expect(verdict.lowerBound < timeline.lowerBound && timeline.lowerBound < inventory.lowerBound)
        #expect(r.stdout.contains("CSCvc94366"))
        #expect(r.stdout.contains("packets.cap#2"))
        #expect(r.stdout.contains("slm.log:5"))
        #expect(r.stdout.contains("tshark -r"))
        #expect(!r.stdout.contains("NjQ1YjQ5ZTQt"), "the registration token never reaches a report")
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test("--fail-on critical: the same findings exit 0")
    func failOn() throws {
        #expect(try BinaryRunner.run(["analyze", "--fail-on", "critical", Self.sample]).status == 0)
        #expect(try BinaryRunner.run(["analyze", "--fail-on", "nonsense", Self.sample]).status == 2)
        #expect(try BinaryRunner.run(["analyze", "/nonexistent/bundle"]).status == 2)
    }

    @Test("JSON carries the documented top-level keys and finding fields")
    func json() throws {
        let r = try BinaryRunner.run(["analyze", "--format", "json", Self.sample])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["schema", "findings", "states", "deadlines", "inventory", "not_evaluated", "verdict"] {
            #expect(obj[key] != nil, "missing \(key)")
        }
        #expect(obj["schema"] as? String == "licscope.analysis/1")
        let finding = try #require((obj["findings"] as? [[String: Any]])?.first)
        for key in ["id", "rev", "severity", "title", "references", "evidence"] { #expect(finding[key] != nil, "finding lacks \(key)") }
    }

    @Test("Markdown, HTML and JSON Lines render the same analysis")
    func otherFormats() throws {
        let md = try BinaryRunner.run(["analyze", "--format", "markdown", Self.sample])
        #expect(md.stdout.contains("CSCvc94366") && md.stdout.contains("|"))
        let html = try BinaryRunner.run(["analyze", "--format", "html", Self.sample])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") || html.stdout.hasPrefix("<!doctype html>"))
        #expect(html.stdout.contains("<svg"))
        let jsonl = try BinaryRunner.run(["analyze", "--format", "jsonl", Self.sample])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count > 10)
        for line in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(o["message"] != nil && o["datetime"] != nil && o["timestamp_desc"] != nil)
        }
    }

    @Test("--explain says why a rule matched, and which selection failed for one that did not")
    func explain() throws {
        let matched = try BinaryRunner.run(["analyze", "--explain", "CSCvc94366", Self.sample])
        #expect(matched.stdout.contains("== explain CSCvc94366"))
        #expect(matched.stdout.contains("MATCHED"))
        let missed = try BinaryRunner.run(["analyze", "--explain", "dns-failure", Self.sample])
        #expect(missed.stdout.contains("== explain dns-failure"))
        #expect(missed.stdout.contains("not matched"))
        #expect(missed.stdout.contains("[ ]"), "the failing selection is shown unticked")
        let unknown = try BinaryRunner.run(["analyze", "--explain", "no-such-rule", Self.sample])
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("licscope: error: --explain: no rule no-such-rule"), "\(unknown.stderr)")
    }

    @Test("--explain is carried by every format: a JSON object, an HTML section, a fenced Markdown block")
    func explainInEveryFormat() throws {
        let json = try BinaryRunner.run(["analyze", "--format", "json", "--explain", "dns-failure", Self.sample])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let e = try #require(document["explanation"] as? [String: Any])
        #expect(e["id"] as? String == "dns-failure" && e["outcome"] as? String == "not_matched")
        let selections = try #require(e["selections"] as? [[String: Any]])
        #expect(selections.contains { $0["matched"] as? Bool == false && $0["looks_for"] is String })
        let plain = try BinaryRunner.run(["analyze", "--format", "json", Self.sample])
        #expect(!plain.stdout.contains("\"explanation\""), "absent without --explain")

        let html = try BinaryRunner.run(["analyze", "--format", "html", "--explain", "CSCvc94366", Self.sample]).stdout
        #expect(html.contains("<section id=\"explain\"><h2>Explain CSCvc94366</h2>"))
        #expect(html.contains("outcome: MATCHED\n"), "one line per line, not escaped line breaks")

        let markdown = try BinaryRunner.run(["analyze", "--format", "markdown", "--explain", "CSCvc94366", Self.sample]).stdout
        #expect(markdown.contains("## Explain CSCvc94366\n\n```text\nrule CSCvc94366 rev"))
        #expect(markdown.contains("outcome: MATCHED\n"))
    }

    @Test("--redact hides hosts and addresses but keeps Cisco endpoints; -o writes the file")
    func redactAndOutput() throws {
        let plain = try BinaryRunner.run(["analyze", "--format", "jsonl", Self.sample]).stdout
        for secret in ["proxy.example.net", "192.0.2.10", "198.51.100.20"] {
            #expect(plain.contains(secret), "the unredacted timeline shows \(secret)")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try BinaryRunner.run(["analyze", "--format", "jsonl", "--redact", "-o", out.path, Self.sample])
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        for secret in ["proxy.example.net", "192.0.2.10", "198.51.100.20"] { #expect(!text.contains(secret)) }
        #expect(text.contains("tools.cisco.com"))
        #expect(text.contains("host-1"))
        #expect(text.contains("connectivity.attempt"), "vocabulary names are not mistaken for hosts")
        for line in text.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "still valid JSON Lines")
        }
    }
}
