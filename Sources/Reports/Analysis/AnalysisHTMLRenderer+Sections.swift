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
        out += "<h3>Intervals</h3>\n" + HTMLText.table(AnalysisTables.intervals(r))
        if !r.transitions.isEmpty {
            out += "<h3>Transitions</h3>\n" + HTMLText.table(AnalysisTables.transitions(r.transitions, relativeTo: nil))
        }
        if !r.deadlines.isEmpty {
            out += "<h3>Deadlines ahead of the last evidence</h3>\n" + HTMLText.table(AnalysisTables.deadlines(r))
        }
        if !r.runway.isEmpty {
            out += "<h3>Runway — if no communication succeeds after the last evidence</h3>\n"
                + HTMLText.table(AnalysisTables.transitions(r.runway, relativeTo: r.evidenceEnd))
        }
        if !r.anomalies.isEmpty { out += "<h3>Anomalies</h3>\n" + HTMLText.table(AnalysisTables.anomalies(r)) }
        out += snapshots(r)
        if let s = r.skew { out += "<h3>Clock skew</h3>\n<p>\(HTMLText.escape(AnalysisFormatting.skew(s)))</p>\n" }
        return out + "</section>\n"
    }

    private static func snapshots(_ r: AnalysisReport) -> String {
        guard !r.snapshots.isEmpty else { return "" }
        var out = "<h3><code>show license</code> outputs checked against the replay</h3>\n<ul>\n"
        for s in AnalysisTables.snapshotChecks(r) {
            out += "<li><code>\(HTMLText.escape(s.source))</code>, observed at \(s.observedAt)<ul>"
            for line in s.lines { out += "<li\(line.disagrees ? " class=\"bad\"" : "")>\(HTMLText.escape(line.text))</li>" }
            out += "</ul></li>\n"
        }
        return out + "</ul>\n"
    }

    /// The connection ladders the captures show.
    static func connections(_ r: AnalysisReport) -> String {
        guard !r.connections.isEmpty else { return "" }
        return "<section id=\"connections\"><h2>Connections</h2>\n<p class=\"muted\">Ladders toward the licensing servers in the captures.</p>\n"
            + HTMLText.table(AnalysisTables.connections(r)) + "</section>\n"
    }

    static func inventory(_ r: AnalysisReport) -> String {
        "<section id=\"inventory\"><h2>Inventory</h2>\n<p>\(AnalysisFormatting.plural(r.inventory.count, "file")).</p>\n"
            + HTMLText.table(AnalysisTables.inventory(r)) + "</section>\n"
    }

    static func assumptions(_ r: AnalysisReport) -> String {
        guard !r.assumptions.isEmpty || !r.assumptionGroups.isEmpty else { return "" }
        var out = "<section id=\"assumptions\"><h2>Assumptions</h2>\n"
        for g in r.assumptionGroups {
            out += "<p class=\"label\"><code>\(HTMLText.escape(g.path))</code> — \(AssumptionGroup.count(g.lines, g.unit))</p><ul>"
                + g.items.map { "<li>\(HTMLText.escape($0.text)) (\(AssumptionGroup.count($0.lines, g.unit)))</li>" }.joined() + "</ul>\n"
        }
        let general = r.generalAssumptions
        if !general.isEmpty {
            if !r.assumptionGroups.isEmpty { out += "<p class=\"label\">All sources</p>" }
            out += "<ul>" + general.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }
}
