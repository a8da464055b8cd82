import Foundation
import LicensingModel
import StateEngine
import Timeline

extension AnalysisHTMLRenderer {
    /// The state timeline as tables: histories, intervals, transitions, deadlines, runway, anomalies, snapshot checks, skew.
    static func stateTimeline(_ r: AnalysisReport) -> String {
        var out = "<section id=\"state-timeline\"><h2>State timeline</h2>\n"
        let histories = StateDimension.allCases.compactMap { d in
            r.history[d.rawValue].map { [d.rawValue, "<code>\(HTMLText.escape($0))</code>"] }
        }
        if !histories.isEmpty { out += HTMLText.table(["Dimension", "History"], histories) }
        out += "<h3>Intervals</h3>\n" + HTMLText.table(
            ["Dimension", "State", "From (UTC)", "To (UTC)", "Cause", "Evidence"],
            StateDimension.allCases.flatMap { d in
                r.states.filter { $0.dimension == d }.map { i in
                    [d.rawValue, stateCell(i.value), AnalysisFormatting.time(i.start, placeholder: "before the evidence"),
                     AnalysisFormatting.time(i.end, placeholder: "end of the evidence"), HTMLText.escape(i.cause),
                     pointers(i.evidence)]
                }
            })
        if !r.transitions.isEmpty { out += "<h3>Transitions</h3>\n" + transitions(r.transitions, relativeTo: nil) }
        if !r.deadlines.isEmpty {
            out += "<h3>Deadlines ahead of the last evidence</h3>\n" + HTMLText.table(
                ["Due (UTC)", "Deadline", "Then", "When", "Basis"],
                r.deadlines.map { d in
                    [AnalysisFormatting.time(d.due), "<code>\(HTMLText.escape(d.name))</code>",
                     d.consequence.map(stateCell) ?? "—", AnalysisFormatting.relative(d.due, to: r.evidenceEnd) ?? "",
                     HTMLText.escape(d.basis) + " — " + pointers(d.evidence)]
                })
        }
        if !r.runway.isEmpty {
            out += "<h3>Runway — if no communication succeeds after the last evidence</h3>\n"
                + transitions(r.runway, relativeTo: r.evidenceEnd)
        }
        if !r.anomalies.isEmpty {
            out += "<h3>Anomalies</h3>\n" + HTMLText.table(
                ["At (UTC)", "Anomaly", "Detail", "Evidence"],
                r.anomalies.map { a in
                    [AnalysisFormatting.time(a.at, placeholder: "untimed"), "<span class=\"warn\">\(HTMLText.escape(a.name))</span>",
                     HTMLText.escape(a.detail), pointers(a.evidence)]
                })
        }
        out += snapshots(r)
        if let s = r.skew { out += "<h3>Clock skew</h3>\n<p>\(HTMLText.escape(AnalysisFormatting.skew(s)))</p>\n" }
        return out + "</section>\n"
    }

    private static func transitions(_ rows: [AnalysisReport.TransitionRow], relativeTo end: Date?) -> String {
        var header = ["At (UTC)", "Dimension", "From", "To", "Cause", "Evidence"]
        if end != nil { header.insert("When", at: 1) }
        return HTMLText.table(
            header,
            rows.map { t in
                var row = [AnalysisFormatting.time(t.at), t.dimension.rawValue, HTMLText.escape(t.from), stateCell(t.to),
                    HTMLText.escape(t.cause) + (t.byTimer ? " <span class=\"muted\">(timer)</span>" : ""), pointers(t.evidence)]
                if let end { row.insert(AnalysisFormatting.relative(t.at, to: end) ?? "", at: 1) }
                return row
            })
    }

    private static func snapshots(_ r: AnalysisReport) -> String {
        guard !r.snapshots.isEmpty else { return "" }
        var out = "<h3><code>show license</code> outputs checked against the replay</h3>\n<ul>\n"
        for s in r.snapshots {
            out += "<li><code>\(HTMLText.escape(s.source.description))</code>, observed at \(AnalysisFormatting.time(s.observedAt))<ul>"
            for c in s.stateComparisons {
                out += "<li\(c.agrees ? "" : " class=\"bad\"")>\(HTMLText.escape(AnalysisFormatting.comparison(c)))</li>"
            }
            for t in s.timers {
                out += "<li\(t.verdict == .disagree ? " class=\"bad\"" : "")>\(HTMLText.escape(AnalysisFormatting.timer(t)))</li>"
            }
            out += "</ul></li>\n"
        }
        return out + "</ul>\n"
    }

    static func inventory(_ r: AnalysisReport) -> String {
        "<section id=\"inventory\"><h2>Inventory</h2>\n<p>\(AnalysisFormatting.plural(r.inventory.count, "file")).</p>\n"
            + HTMLText.table(
                ["Status", "File", "Parsed as", "Read", "Reader", "Reason"],
                r.inventory.map { e in
                    let status = HTMLText.escape(AnalysisFormatting.status(e.status))
                    return [e.status == .parsed ? status : "<span class=\"warn\">\(status)</span>",
                        "<code>\(HTMLText.escape(e.path))</code>", HTMLText.escape(e.parsedAs), AnalysisFormatting.amount(e),
                        HTMLText.escape(e.reader ?? ""), HTMLText.escape(e.reason ?? "")]
                }) + "</section>\n"
    }

    static func assumptions(_ r: AnalysisReport) -> String {
        guard !r.assumptions.isEmpty else { return "" }
        return "<section id=\"assumptions\"><h2>Assumptions</h2>\n<ul>"
            + r.assumptions.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></section>\n"
    }

    private static func stateCell(_ value: String) -> String {
        "<i class=\"swatch \(HTMLText.stateClass(value))\"></i>\(HTMLText.escape(value))"
    }

    private static func pointers(_ list: [SourcePointer]) -> String {
        "<code>\(HTMLText.escape(AnalysisFormatting.pointers(list)))</code>"
    }
}
