import Foundation
import LicensingModel
import Rules

extension AnalysisHTMLRenderer {
    /// `analyze --summary --format html`: the short form as one self-contained page — the verdict with the zone
    /// each source was read in, the window, a findings table, the connections, the runway and what to collect (each
    /// hint once). Evidence, the timeline, the state tables, the inventory and the assumptions are in the full report.
    /// - Parameter r: the report.
    /// - Returns: the document.
    public static func renderSummary(_ r: AnalysisReport) -> String {
        var body = header(r) + verdict(r)
        if let window = r.window {
            body += "<section id=\"window\"><h2>Window</h2>\n<p>\(HTMLText.prose(window.assumption))</p></section>\n"
        }
        body += "<section id=\"findings\"><h2>Findings</h2>\n"
        if r.findings.isEmpty {
            body += "<p>No rule matched.</p></section>\n"
        } else {
            let rows = r.findings.enumerated().map { n, f in
                ["\(n + 1)", badge(f.severity), "<code>\(HTMLText.escape(f.id))</code> rev \(f.rev)", HTMLText.escape(f.title),
                 HTMLText.escape(f.confidence.rawValue),
                 HTMLText.escape("\(f.evidence.count + f.evidenceOmitted) · \(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))")]
            }
            body += HTMLText.table(["#", "Severity", "Rule", "Title", "Confidence", "Evidence"], rows) + "</section>\n"
        }
        body += explanation(r) + connections(r)
        if !r.runway.isEmpty {
            body += "<section id=\"runway\"><h2>Runway — if no communication succeeds after the last evidence</h2>\n"
                + HTMLText.table(AnalysisTables.transitions(r.runway, relativeTo: r.evidenceEnd)) + "</section>\n"
        }
        let collect = AnalysisSummaryRenderer.collectHints(r)
        if !collect.isEmpty {
            body += "<section id=\"collect\"><h2>What to collect</h2>\n<ul>"
                + collect.map { "<li>\(HTMLText.prose($0))</li>" }.joined() + "</ul></section>\n"
        }
        body += "<p class=\"muted\">Summary: each finding's evidence, the timeline, the state tables, the inventory and the "
            + "assumptions are in the full report (<code>licscope analyze --format html</code>).</p>\n"
        return document(r, body: body)
    }
}
