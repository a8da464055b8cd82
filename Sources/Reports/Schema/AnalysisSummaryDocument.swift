import Foundation

/// The JSON form of `analyze --summary --format json` (`licscope.analysis-summary/1`, docs/report-schema.md): the
/// short form for scripts and tickets — the verdict, one row per finding, the connections, the runway and what to
/// collect (each hint once). Every object it shares with the full document (`verdict`, `window`, `connections`,
/// `runway`, `explanation`, `time_zones`) has that document's shape, built by the same mapping; a finding row is a
/// subset of the full finding's fields, with the same names.
public struct AnalysisSummaryDocument: Sendable, Codable, Hashable {
    /// The schema name and version of this form.
    public static let schemaName = "licscope.analysis-summary/1"

    public var schema: String
    /// The full document's schema this summary abbreviates (`licscope.analysis/1`).
    public var summaryOf: String
    public var tool: AnalysisDocument.Tool
    public var inputs: [String]
    public var verdict: AnalysisDocument.Verdict
    public var window: AnalysisWindow?
    public var productInstances: [String]
    public var timeZones: [AnalysisDocument.SourceZone]?
    public var evidenceStart: Date?
    public var evidenceEnd: Date?
    public var findings: [FindingRow]
    /// Rules not evaluated for missing evidence (their ids); what to collect for them is in `collect`.
    public var notEvaluated: [String]
    public var connections: [AnalysisDocument.Connection]
    public var runway: [AnalysisDocument.Transition]
    /// Every collect hint of the findings and of the rules not evaluated, once each, in first-seen order.
    public var collect: [String]
    /// `--explain RULE`; absent without the option.
    public var explanation: AnalysisDocument.Explanation?

    /// One finding, as the summary's table shows it.
    public struct FindingRow: Sendable, Codable, Hashable {
        public var id: String
        public var rev: Int
        public var kind: String
        public var title: String
        public var severity: String
        public var confidence: String
        public var firstEvidence: Date?
        public var lastEvidence: Date?
        /// Evidence items shown in the full report plus those left out (`evidence` + `evidence_omitted` there).
        public var evidenceCount: Int

        /// The row of a finding of the full document: the same fields, and the count of its evidence.
        public init(_ f: AnalysisDocument.Finding) {
            (id, rev, kind, title, severity, confidence) = (f.id, f.rev, f.kind, f.title, f.severity, f.confidence)
            (firstEvidence, lastEvidence) = (f.firstEvidence, f.lastEvidence)
            evidenceCount = f.evidence.count + f.evidenceOmitted
        }
    }

    /// Maps a report (through the full document, so the shared parts are the same values).
    public init(_ r: AnalysisReport) {
        let full = AnalysisDocument(r)
        schema = Self.schemaName
        summaryOf = full.schema
        tool = full.tool
        inputs = full.inputs
        verdict = full.verdict
        window = full.window
        productInstances = full.productInstances
        timeZones = full.timeZones
        evidenceStart = full.evidenceStart
        evidenceEnd = full.evidenceEnd
        findings = full.findings.map(FindingRow.init)
        notEvaluated = full.notEvaluated.map(\.id)
        connections = full.connections
        runway = full.runway
        collect = AnalysisSummaryRenderer.collectHints(r)
        explanation = full.explanation
    }
}
