import Foundation
import Rules

/// The parts of `analyze`'s JSON report (`licscope.analysis/1`, docs/report-schema.md) that a triage line carries.
/// Read as a contract: fields this does not know are ignored, so additive schema changes never break triage.
struct AnalysisDigest: Decodable, Sendable {
    struct Verdict: Decodable, Sendable {
        var summary: String
        var worstSeverity: String?
        var exitCode: Int32?
        var partlyUnreadable: Bool?
    }
    struct Finding: Decodable, Sendable {
        var id: String
        var rev: Int
        var severity: String
    }
    struct Interval: Decodable, Sendable {
        var dimension: String
        var value: String
        var end: String?
    }
    struct Deadline: Decodable, Sendable {
        var name: String
        var due: String
        var consequence: String?
    }
    struct Transition: Decodable, Sendable {
        var at: String
        var dimension: String
        var to: String
    }
    struct InventoryEntry: Decodable, Sendable {
        var path: String
        var status: String
        var reason: String?
        var events: Int?
    }

    var schema: String
    var verdict: Verdict
    var findings: [Finding]
    var states: [Interval]
    var deadlines: [Deadline]
    var runway: [Transition]
    var inventory: [InventoryEntry]
    var evidenceEnd: String?
    var eventCount: Int?

    /// Reads a report; nil when it is not a `licscope.analysis/1` document.
    static func read(_ data: Data) -> AnalysisDigest? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let digest = try? decoder.decode(AnalysisDigest.self, from: data),
            digest.schema.hasPrefix("licscope.analysis/")
        else { return nil }
        return digest
    }

    /// The verdict status, from the exit code's meaning refined by the report itself, so the result does not
    /// depend on which exit-code scheme the analyzer used.
    func status(exit: AnalysisExitCode, failOn: RuleSeverity) -> String {
        let findingsAbove = findings.contains { (RuleSeverity(rawValue: $0.severity) ?? .info) >= failOn }
        let unreadable = verdict.partlyUnreadable == true || exit == .partlyUnreadable || exit == .findingsPartlyUnreadable
        if exit == .noEvidence || ((eventCount ?? 0) == 0 && findings.isEmpty && !unreadable) { return "no_evidence" }
        switch (findingsAbove, unreadable) {
        case (true, true): return "findings_partly_unreadable"
        case (true, false): return "findings"
        case (false, true): return "partly_unreadable"
        case (false, false): return "clean"
        }
    }

    /// Fills the analysis's part of a record.
    func fill(_ record: inout TriageRecord, exit: AnalysisExitCode, failOn: RuleSeverity) {
        record.verdict = .init(status: status(exit: exit, failOn: failOn), summary: verdict.summary, worstSeverity: verdict.worstSeverity)
        record.findings = findings.map { .init(id: $0.id, rev: $0.rev, severity: $0.severity) }
        var finals: [String: String] = [:]
        for interval in states where interval.end == nil { finals[interval.dimension] = interval.value }
        record.finalStates = finals
        record.deadlines = deadlines.map { .init(name: $0.name, due: $0.due, consequence: $0.consequence) }
        record.runway = runway.map { .init(at: $0.at, dimension: $0.dimension, to: $0.to) }
        record.evidenceEnd = evidenceEnd
        let count = { (status: String) in inventory.filter { $0.status == status }.count }
        record.inventory = .init(
            files: inventory.count, parsed: count("parsed"), skipped: count("skipped"), refused: count("refused"),
            partlyUnreadable: count("partly_unreadable"), events: inventory.reduce(0) { $0 + ($1.events ?? 0) })
        record.damage = inventory.filter { $0.status != "parsed" }.map {
            .init(path: $0.path, status: $0.status, reason: $0.reason)
        }
    }
}
