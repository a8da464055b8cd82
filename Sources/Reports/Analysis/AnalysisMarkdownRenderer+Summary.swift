import Foundation

extension AnalysisMarkdownRenderer {
    /// The case note (`analyze --format markdown`, the default Markdown): the verdict with the zone decision, the
    /// findings table, the connections, the runway, and what to collect — each collect line once, however many rules
    /// need it. Evidence, the state timeline and the inventory are in the full report (`--full`).
    /// - Parameter r: the report.
    /// - Returns: the document, ending with a newline.
    public static func renderSummary(_ r: AnalysisReport) -> String {
        var out = header(r)
        if let window = r.window { out += "**Window:** \(MarkdownText.prose(window.assumption))\n\n" }
        out += r.findings.isEmpty ? "## Findings\n\nNo rule matched.\n\n" : "## Findings\n\n" + findingsTable(r) + "\n"
        out += connections(r)
        if !r.runway.isEmpty {
            out += "## Runway — if no communication succeeds after the last evidence\n\n"
                + MarkdownText.table(AnalysisTables.transitions(r.runway, relativeTo: r.evidenceEnd)) + "\n"
        }
        let collect = AnalysisSummaryRenderer.collectHints(r)
        if !collect.isEmpty {
            out += "## What to collect\n\n" + collect.map { "- \(MarkdownText.prose($0))\n" }.joined() + "\n"
        }
        return out + "*Summary: evidence excerpts, the state timeline, the inventory and the assumptions are in the full "
            + "report (`licscope analyze --format markdown --full`).*\n"
    }
}
