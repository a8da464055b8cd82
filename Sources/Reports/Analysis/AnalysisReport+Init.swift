import Foundation
import LicensingModel
import Rules
import StateEngine
import Timeline

extension AnalysisReport {
    /// Creates a report (the analysis pipeline fills every part).
    public init(
        tool: ToolInfo, inputs: [String], verdict: Verdict, findings: [Finding], notEvaluated: [NotEvaluated],
        states: [StateInterval], transitions: [TransitionRow], deadlines: [Deadline], runway: [TransitionRow],
        anomalies: [EngineAnomaly], history: [String: String], snapshots: [SnapshotCheck], skew: SkewEstimate?,
        inventory: [InventoryEntry], assumptions: [String], evidenceStart: Date?, evidenceEnd: Date?, eventCount: Int
    ) {
        self.tool = tool
        self.inputs = inputs
        self.verdict = verdict
        self.findings = findings
        self.notEvaluated = notEvaluated
        self.states = states
        self.transitions = transitions
        self.deadlines = deadlines
        self.runway = runway
        self.anomalies = anomalies
        self.history = history
        self.snapshots = snapshots
        self.skew = skew
        self.inventory = inventory
        self.assumptions = assumptions
        self.evidenceStart = evidenceStart
        self.evidenceEnd = evidenceEnd
        self.eventCount = eventCount
    }
}
