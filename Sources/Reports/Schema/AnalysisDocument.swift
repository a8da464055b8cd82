import Foundation
import Rules

/// The JSON document `licscope analyze --format json` writes (`licscope.analysis/1`, docs/report-schema.md), made
/// of Reports' own types only. It is mapped from an ``AnalysisReport`` (which holds the engine's and the rules'
/// types) field by field, so a change to an engine or rule struct changes this contract only where the mapping
/// below is changed on purpose — never by accident through a synthesized `Codable`.
public struct AnalysisDocument: Sendable, Codable, Hashable {
    public var schema: String
    public var tool: Tool
    public var inputs: [String]
    public var verdict: Verdict
    public var findings: [Finding]
    public var notEvaluated: [NotEvaluated]
    public var states: [Interval]
    public var transitions: [Transition]
    public var deadlines: [Deadline]
    public var runway: [Transition]
    public var anomalies: [Anomaly]
    public var history: [String: String]
    public var snapshots: [SnapshotCheck]
    public var skew: Skew?
    public var inventory: [InventoryEntry]
    public var assumptions: [String]
    public var assumptionGroups: [AssumptionsOfFile]
    public var timeZones: [SourceZone]?
    public var evidenceStart: Date?
    public var evidenceEnd: Date?
    public var eventCount: Int
    public var productInstances: [String]
    public var connections: [Connection]
    /// `--since` / `--until` (Reports' own type).
    public var window: AnalysisWindow?
    /// `--explain RULE`; absent without the option.
    public var explanation: Explanation?

    /// The tool that wrote the document.
    public struct Tool: Sendable, Codable, Hashable {
        public var name: String
        public var version: String
    }

    /// The answer in brief.
    public struct Verdict: Sendable, Codable, Hashable {
        public var summary: String
        public var worstSeverity: String?
        public var exitCode: Int32
        public var partlyUnreadable: Bool
    }

    /// The assumptions made reading one file's times, each with the lines it covers.
    public struct AssumptionsOfFile: Sendable, Codable, Hashable {
        /// One assumption.
        public struct Item: Sendable, Codable, Hashable {
            public var text: String
            public var lines: Int
        }
        public var path: String
        public var lines: Int
        public var unit: String
        public var items: [Item]

        /// Maps a group.
        public init(_ g: AssumptionGroup) {
            path = g.path
            lines = g.lines
            unit = g.unit
            items = g.items.map { Item(text: $0.text, lines: $0.lines) }
        }
    }

    /// Maps a report.
    public init(_ r: AnalysisReport) {
        schema = r.schema
        tool = Tool(name: r.tool.name, version: r.tool.version)
        inputs = r.inputs
        verdict = Verdict(
            summary: r.verdict.summary, worstSeverity: r.verdict.worstSeverity?.rawValue, exitCode: r.verdict.exitCode,
            partlyUnreadable: r.verdict.partlyUnreadable)
        let hints = ReproductionHint(inventory: r.inventory)
        findings = r.findings.map { Finding($0, hints: hints) }
        notEvaluated = r.notEvaluated.map(NotEvaluated.init)
        states = r.states.map(Interval.init)
        transitions = r.transitions.map(Transition.init)
        deadlines = r.deadlines.map(Deadline.init)
        runway = r.runway.map(Transition.init)
        anomalies = r.anomalies.map(Anomaly.init)
        history = r.history
        snapshots = r.snapshots.map(SnapshotCheck.init)
        skew = r.skew.map(Skew.init)
        inventory = r.inventory.map(InventoryEntry.init)
        assumptions = r.assumptions
        assumptionGroups = r.assumptionGroups.map(AssumptionsOfFile.init)
        timeZones = r.timeZones?.map(SourceZone.init)
        evidenceStart = r.evidenceStart
        evidenceEnd = r.evidenceEnd
        eventCount = r.eventCount
        productInstances = r.productInstances
        connections = r.connections.map(Connection.init)
        window = r.window
        explanation = r.explanation.map(Explanation.init)
    }
}
