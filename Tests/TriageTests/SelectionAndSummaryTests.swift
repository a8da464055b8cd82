import Foundation
import Rules
import Testing

@testable import Triage

@Suite("shards, arrivals, exit codes and the summary")
struct SelectionAndSummaryTests {
    @Test("--shard K/N: every bundle in exactly one shard; bad specifications refused")
    func shards() throws {
        let names = (0..<200).map { "in/bundle-\($0).zip" }
        let shards = try (0..<3).map { try #require(ShardSelector("\($0)/3")) }
        for name in names { #expect(shards.filter { $0.contains(path: name) }.count == 1) }
        #expect(shards.allSatisfy { s in names.contains { s.contains(path: $0) } })
        #expect(shards[0].contains(path: "/mnt/a/in/bundle-7.zip") == shards[0].contains(path: "x/bundle-7.zip"))
        for bad in ["3/3", "-1/2", "1", "a/b", "0/0"] { #expect(ShardSelector(bad) == nil) }
    }

    @Test("a watched entry is taken once it stays unchanged for the settle time; partial names never")
    func arrivals() {
        var watcher = ArrivalWatcher(settleSeconds: 5)
        let growing = ArrivalWatcher.Signature(bytes: 10, newestModification: 1, files: 1)
        let grown = ArrivalWatcher.Signature(bytes: 20, newestModification: 2, files: 1)
        #expect(watcher.ready(["a.zip": growing, "b.zip.part": growing, ".c": growing], now: 0) == [])
        #expect(watcher.ready(["a.zip": grown, "b.zip.part": grown], now: 4) == [])
        #expect(watcher.ready(["a.zip": grown, "b.zip.part": grown], now: 8) == [])
        #expect(watcher.ready(["a.zip": grown, "b.zip": grown], now: 9) == ["a.zip"])
        #expect(watcher.ready(["a.zip": grown, "b.zip": grown], now: 14) == ["b.zip"])
        #expect(watcher.ready(["a.zip": grown, "b.zip": grown], now: 30) == [], "each state is taken once")
    }

    @Test("exit-code table, and a verdict that does not depend on the analyzer's exit-code scheme")
    func exitCodes() throws {
        #expect(AnalysisExitCode(code: 4) == .findingsPartlyUnreadable && AnalysisExitCode(code: 99) == .unknown)
        let json = """
            {"schema":"licscope.analysis/1","verdict":{"summary":"s","worst_severity":"high","exit_code":3,"partly_unreadable":true},
             "findings":[{"id":"X","rev":2,"severity":"high","title":"t"}],"states":[],"deadlines":[],"runway":[],
             "inventory":[{"path":"p","status":"partly_unreadable","reason":"truncated at offset 9","events":1}],"event_count":1}
            """
        let digest = try #require(AnalysisDigest.read(Data(json.utf8)))
        #expect(digest.status(exit: .partlyUnreadable, failOn: .low) == "findings_partly_unreadable")
        #expect(digest.status(exit: .findingsPartlyUnreadable, failOn: .low) == "findings_partly_unreadable")
        #expect(digest.status(exit: .partlyUnreadable, failOn: .critical) == "partly_unreadable")
        #expect(AnalysisDigest.read(Data("{\"schema\":\"other/1\"}".utf8)) == nil)
    }

    @Test("summary counts add up to the records; HTML escapes and links reports")
    func summary() throws {
        func record(_ path: String, _ outcome: TriageOutcome, _ status: String?, _ findings: [String]) -> TriageRecord {
            var r = TriageRecord(
                path: path, kind: "file", sha256: path, bytes: 1, outcome: outcome, analysis: .init(), wallSeconds: 0,
                peakMemoryBytes: 0)
            r.verdict = status.map { .init(status: $0, summary: "", worstSeverity: findings.isEmpty ? nil : "high") }
            r.findings = findings.map { .init(id: $0, rev: 1, severity: "high") }
            r.deadlines = [.init(name: "communication_deadline", due: "2020-0\(path.count % 9 + 1)-01T00:00:00Z")]
            return r
        }
        var linked = record("in/<b>.zip", .analyzed, "findings", ["A", "B"])
        linked.report = "reports/b.html"
        let records = [
            record("in/a", .analyzed, "clean", []), linked, record("in/c", .timedOut, nil, []),
            record("in/d", .analyzed, "findings", ["A"]),
        ]
        let summary = TriageSummary(records: records, deadlineLimit: 2)
        #expect(summary.bundles == 4 && summary.outcomes.values.reduce(0, +) == 4)
        #expect(summary.statuses == ["clean": 1, "findings": 2, "none": 1])
        #expect(summary.findings.map(\.id) == ["A", "B"] && summary.findings[0].bundles == 2)
        #expect(summary.nearestDeadlines.count == 2)
        #expect(summary.problems.map(\.path) == ["in/c"])
        #expect(TriageExitCode.code(for: records) == 4)
        let html = SummaryRenderer.html(summary)
        #expect(html.contains("<a href=\"reports/b.html\">in/&lt;b&gt;.zip</a>") && !html.contains("<b>"))
        #expect(SummaryRenderer.markdown(summary).contains("[in/<b>.zip](reports/b.html)"))
    }

    @Test("progress line: done, failures, rate and ETA")
    func progress() {
        let line = ProgressLine.render(.init(total: 10, done: 4, failed: 1, skipped: 0), elapsed: 60)
        #expect(line.hasPrefix("[#########---------------] 4/10 bundles, 1 failed, 4.0/min, ETA 1m30s"))
        let late = ProgressLine.render(.init(total: 100, done: 1, failed: 0, skipped: 0), elapsed: 45)
        #expect(late.hasSuffix("ETA 1h14m"))
    }
}
