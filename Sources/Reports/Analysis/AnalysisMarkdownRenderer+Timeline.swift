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
        out += "### Intervals\n\n" + MarkdownText.table(
            ["Dimension", "State", "From (UTC)", "To (UTC)", "Cause", "Evidence"],
            StateDimension.allCases.flatMap { d in
                r.states.filter { $0.dimension == d }.map { i in
                    [d.rawValue, "**\(MarkdownText.cell(i.value))**",
                     AnalysisFormatting.time(i.start, placeholder: "before the evidence"),
                     AnalysisFormatting.time(i.end, placeholder: "end of the evidence"), MarkdownText.cell(i.cause),
                     MarkdownText.cell(AnalysisFormatting.pointers(i.evidence))]
                }
            }) + "\n"
        if !r.transitions.isEmpty { out += "### Transitions\n\n" + transitions(r.transitions, relativeTo: nil) }
        if !r.deadlines.isEmpty {
            out += "### Deadlines ahead of the last evidence\n\n" + MarkdownText.table(
                ["Due (UTC)", "Deadline", "Then", "When", "Basis"],
                r.deadlines.map { d in
                    [AnalysisFormatting.time(d.due), MarkdownText.codeCell(d.name), MarkdownText.cell(d.consequence ?? "—"),
                     AnalysisFormatting.relative(d.due, to: r.evidenceEnd) ?? "", MarkdownText.cell(d.basis)]
                }) + "\n"
        }
        if !r.runway.isEmpty {
            out += "### Runway — if no communication succeeds after the last evidence\n\n"
                + transitions(r.runway, relativeTo: r.evidenceEnd)
        }
        if !r.anomalies.isEmpty {
            out += "### Anomalies\n\n"
            for a in r.anomalies {
                out += "- **\(MarkdownText.cell(a.name))** at \(AnalysisFormatting.time(a.at, placeholder: "untimed")): "
                    + "\(MarkdownText.prose(a.detail)) (\(MarkdownText.code(AnalysisFormatting.pointers(a.evidence))))\n"
            }
            out += "\n"
        }
        out += snapshots(r)
        if let s = r.skew {
            out += "### Clock skew\n\n\(MarkdownText.prose(AnalysisFormatting.skew(s))).\n\n"
        }
        return out
    }

    private static func transitions(_ rows: [AnalysisReport.TransitionRow], relativeTo end: Date?) -> String {
        var header = ["At (UTC)", "Dimension", "From → to", "Cause", "Evidence"]
        if end != nil { header.insert("When", at: 1) }
        return MarkdownText.table(
            header,
            rows.map { t in
                var row = [AnalysisFormatting.time(t.at), t.dimension.rawValue,
                    "\(MarkdownText.cell(t.from)) → **\(MarkdownText.cell(t.to))**",
                    MarkdownText.cell(t.cause) + (t.byTimer ? " *(timer)*" : ""),
                    MarkdownText.cell(AnalysisFormatting.pointers(t.evidence))]
                if let end { row.insert(AnalysisFormatting.relative(t.at, to: end) ?? "", at: 1) }
                return row
            }) + "\n"
    }

    private static func snapshots(_ r: AnalysisReport) -> String {
        guard !r.snapshots.isEmpty else { return "" }
        var out = "### `show license` outputs checked against the replay\n\n"
        for s in r.snapshots {
            out += "- \(MarkdownText.code(s.source.description)), observed at \(AnalysisFormatting.time(s.observedAt))\n"
            for c in s.stateComparisons {
                out += "  - \(MarkdownText.prose(AnalysisFormatting.comparison(c)))\n"
            }
            for t in s.timers {
                out += "  - \(MarkdownText.prose(AnalysisFormatting.timer(t)))\n"
            }
        }
        return out + "\n"
    }
}
