import Foundation
import TestSupport
import Testing

/// `triage` takes the options every report-writing command shares: `-o` for the summary, `--redact`, `--since`/`--until`
/// (handed on to each bundle's analysis), and names its results file `--results` (`--out` still accepted).
@Suite("licscope triage: shared options")
struct TriageSharedOptionsTests {
    static func run(_ arguments: [String], corpus: TriageCorpus, name: String) throws -> (status: Int32, stdout: String) {
        try TriageCommandTests.run(arguments, corpus: corpus, name: name)
    }

    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test("-o writes the summary to a file; --results and the former --out name the same results file")
    func summaryFileAndResultsName() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let bundle = corpus.bundles.path + "/proxy-443.zip"
        let summary = corpus.root.path + "/summary.md"
        let results = corpus.root.path + "/results.jsonl"
        let r = try Self.run(
            ["triage", bundle, "--results", results, "--format", "markdown", "-o", summary], corpus: corpus, name: "o")
        #expect(r.status == 1, "a finding: \(r.stdout)")
        #expect(r.stdout.isEmpty, "the summary went to -o, not stdout: \(r.stdout)")
        #expect(Self.text(summary).contains("CSCvc94366"))
        #expect(Self.text(summary).hasPrefix("#"), "Markdown summary")
        #expect(Self.lineCount(results) == 1)

        let legacy = corpus.root.path + "/legacy.jsonl"
        let old = try Self.run(["triage", bundle, "--out", legacy], corpus: corpus, name: "legacy")
        #expect(old.status == 1 && old.stdout.contains("TRIAGE 1 bundle(s)"))
        #expect(try TriageCorpus.normalizedLines(legacy) == TriageCorpus.normalizedLines(results))

        #expect(try Self.run(["triage", bundle, "--results", results, "--out", legacy], corpus: corpus, name: "both").status == 2)
        #expect(try Self.run(["triage", bundle], corpus: corpus, name: "neither").status == 2)
        #expect(try Self.run(["triage", bundle, "--results", results, "-o", "/nonexistent/dir/s.txt"], corpus: corpus, name: "nodir").status == 2)
        #expect(try Self.run(["triage", bundle, "--results", results, "--color", "always"], corpus: corpus, name: "color").status == 2)
    }

    @Test("--redact: the summary, the results file and each full report carry placeholders, not the proxy's address")
    func redactReachesEveryOutput() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let bundle = corpus.bundles.path + "/proxy-443.zip"
        for redact in [false, true] {
            let name = redact ? "redacted" : "plain"
            let reports = corpus.root.path + "/reports-\(name)"
            let results = corpus.root.path + "/\(name).jsonl"
            let r = try Self.run(
                ["triage", bundle, "--results", results, "--format", "markdown", "--reports", reports]
                    + (redact ? ["--redact"] : []),
                corpus: corpus, name: name)
            #expect(r.status == 1, "\(r.stdout)")
            let link = try #require(try TriageCorpus.objects(results).first?["report"] as? String)
            let report = Self.text(link)
            #expect(report.contains("CSCvc94366"))
            let outputs = [r.stdout, Self.text(results), report]
            // The sample's proxy: 192.0.2.10 and proxy.example.net appear in the unredacted report.
            #expect(outputs.contains { $0.contains("192.0.2.10") } == !redact, "\(name)")
            #expect(report.contains("proxy.example.net") == !redact, "\(name)")
            if redact { #expect(report.contains("ip-1") && report.contains("host-")) }
        }
    }

    @Test("--since/--until reach each analysis: a window before all evidence leaves no finding")
    func windowReachesEachAnalysis() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let bundle = corpus.bundles.path + "/proxy-443.zip"
        let whole = corpus.root.path + "/whole.jsonl"
        let early = corpus.root.path + "/early.jsonl"
        #expect(try Self.run(["triage", bundle, "--results", whole], corpus: corpus, name: "whole").status == 1)
        let windowed = try Self.run(["triage", bundle, "--results", early, "--until", "2001-01-01"], corpus: corpus, name: "early")
        // Nothing left inside the window: the analysis finds no evidence, which triage counts as not analyzed in full.
        #expect(windowed.status == 3, "\(windowed.stdout)")
        #expect((try TriageCorpus.objects(early).first?["verdict"] as? [String: Any])?["status"] as? String == "no_evidence")
        func ids(_ path: String) throws -> [String] {
            try TriageCorpus.objects(path).flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        }
        #expect(try ids(whole).contains("CSCvc94366"))
        #expect(try ids(early).isEmpty)
        #expect(try Self.run(["triage", bundle, "--results", early, "--since", "yesterday"], corpus: corpus, name: "bad").status == 2)
    }

    static func lineCount(_ path: String) -> Int { TriageCommandTests.lineCount(path) }
}
