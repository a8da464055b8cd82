import Foundation
import LicensingModel
import StateEngine
import Timeline

extension AnalysisMarkdownRenderer {
    /// The state timeline section: histories, intervals, transitions, deadlines, runway, anomalies, snapshot
    /// checks and clock skew.
    static func timeline(_ r: AnalysisReport) -> String {
        var out = "## State timeline\n\n"
        out += "Evidence \(AnalysisFormatting.time(r.evidenceStart)) → \(AnalysisFormatting.time(r.evidenceEnd)).\n\n"
        let histories = StateDimension.allCases.compactMap { d in r.history[d.rawValue].map { [d.rawValue, MarkdownText.codeCell($0)] } }
        if !histories.isEmpty { out += MarkdownText.table(["Dimension", "History"], histories) + "\n" }
        out += "### Intervals\n\n" + MarkdownText.table(AnalysisTables.intervals(r)) + "\n"
        if !r.transitions.isEmpty {
            out += "### Transitions\n\n" + MarkdownText.table(AnalysisTables.transitions(r.transitions, relativeTo: nil)) + "\n"
        }
        if !r.deadlines.isEmpty {
            out += "### Deadlines ahead of the last evidence\n\n" + MarkdownText.table(AnalysisTables.deadlines(r)) + "\n"
        }
        if !r.runway.isEmpty {
            out += "### Runway — if no communication succeeds after the last evidence\n\n"
                + MarkdownText.table(AnalysisTables.transitions(r.runway, relativeTo: r.evidenceEnd)) + "\n"
        }
        if !r.anomalies.isEmpty { out += "### Anomalies\n\n" + MarkdownText.table(AnalysisTables.anomalies(r)) + "\n" }
        out += snapshots(r)
        if let s = r.skew {
            out += "### Clock skew\n\n\(MarkdownText.prose(AnalysisFormatting.skew(s))).\n\n"
        }
        return out
    }

    private static func snapshots(_ r: AnalysisReport) -> String {
        guard !r.snapshots.isEmpty else { return "" }
        var out = "### `show license` outputs checked against the replay\n\n"
        for s in AnalysisTables.snapshotChecks(r) {
            out += "- \(MarkdownText.code(s.source)), observed at \(s.observedAt)\n"
            for line in s.lines { out += "  - \(line.disagrees ? "**disagrees:** " : "")\(MarkdownText.prose(line.text))\n" }
        }
        return out + "\n"
    }
}
