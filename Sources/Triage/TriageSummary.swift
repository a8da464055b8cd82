import Foundation
import Rules

/// What a results file says over all its bundles: how many per outcome and verdict, per finding and severity, the
/// nearest deadlines, and the bundles that could not be analyzed in full.
public struct TriageSummary: Sendable {
    /// A finding and the bundles it was found in.
    public struct FindingCount: Sendable, Hashable {
        public var id: String
        public var severity: String
        public var bundles: Int
    }

    /// A deadline of one bundle.
    public struct BundleDeadline: Sendable, Hashable {
        public var path: String
        public var name: String
        public var due: String
        public var consequence: String?
    }

    /// A bundle that was not analyzed in full, and why.
    public struct Problem: Sendable, Hashable {
        public var path: String
        public var what: String
        public var detail: String
    }

    public var bundles: Int
    /// Bundles per outcome (`analyzed`, `timed_out`, …).
    public var outcomes: [String: Int]
    /// Bundles per verdict status (`clean`, `findings`, …).
    public var statuses: [String: Int]
    /// Bundles per worst severity (`none` for bundles without findings).
    public var worstSeverities: [String: Int]
    /// Findings by how many bundles they were found in, then id.
    public var findings: [FindingCount]
    /// The earliest deadlines over all bundles, earliest first.
    public var nearestDeadlines: [BundleDeadline]
    /// Failed, timed-out, crashed, partly unreadable and evidence-less bundles.
    public var problems: [Problem]
    /// The records, in path order (for per-bundle tables).
    public var records: [TriageRecord]

    /// Summarizes `records`, keeping `deadlineLimit` nearest deadlines.
    public init(records: [TriageRecord], deadlineLimit: Int = 10) {
        let sorted = records.sorted { $0.path < $1.path }
        self.records = sorted
        bundles = sorted.count
        outcomes = Dictionary(grouping: sorted, by: { $0.outcome.rawValue }).mapValues(\.count)
        statuses = Dictionary(grouping: sorted, by: { $0.verdict?.status ?? "none" }).mapValues(\.count)
        worstSeverities = Dictionary(grouping: sorted, by: { $0.verdict?.worstSeverity ?? "none" }).mapValues(\.count)
        var perFinding: [String: FindingCount] = [:]
        for record in sorted {
            for id in Set(record.findings.map(\.id)) {
                let severity = record.findings.first { $0.id == id }?.severity ?? "info"
                var count = perFinding[id] ?? FindingCount(id: id, severity: severity, bundles: 0)
                count.bundles += 1
                if (RuleSeverity(rawValue: severity) ?? .info) > (RuleSeverity(rawValue: count.severity) ?? .info) {
                    count.severity = severity
                }
                perFinding[id] = count
            }
        }
        findings = perFinding.values.sorted { ($0.bundles, $1.id) > ($1.bundles, $0.id) }
        nearestDeadlines = Array(
            sorted.flatMap { record in
                record.deadlines.map { BundleDeadline(path: record.path, name: $0.name, due: $0.due, consequence: $0.consequence) }
            }.sorted { ($0.due, $0.path, $0.name) < ($1.due, $1.path, $1.name) }.prefix(deadlineLimit))
        problems = sorted.compactMap(Self.problem)
    }

    private static func problem(_ record: TriageRecord) -> Problem? {
        if record.outcome != .analyzed {
            return Problem(path: record.path, what: record.outcome.rawValue, detail: record.analysis.detail ?? "")
        }
        guard let status = record.verdict?.status, ["partly_unreadable", "findings_partly_unreadable", "no_evidence"].contains(status)
        else { return nil }
        let reason = record.damage.first.map { "\($0.path): \($0.status)" + ($0.reason.map { " (\($0))" } ?? "") }
        return Problem(path: record.path, what: status, detail: reason ?? "no licensing evidence found")
    }
}
