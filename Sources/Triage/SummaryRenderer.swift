import Foundation
import Reports

/// Renders a `TriageSummary` as text (terminal), Markdown or self-contained HTML. Markdown and HTML add a table with
/// one row per bundle, linked to its full report when one was written (`--reports`).
public enum SummaryRenderer {
    /// The summary in `format` (`text`, `markdown` or `html`).
    public static func render(_ summary: TriageSummary, format: String) -> String {
        switch format {
        case "markdown": return markdown(summary)
        case "html": return html(summary)
        default: return text(summary)
        }
    }

    static func counts(_ dictionary: [String: Int]) -> String {
        dictionary.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    static func severityCounts(_ summary: TriageSummary) -> String {
        (["critical", "high", "medium", "low", "info", "none"]).compactMap { key in
            summary.worstSeverities[key].map { "\(key) \($0)" }
        }.joined(separator: ", ")
    }

    /// Plain text for the terminal.
    public static func text(_ summary: TriageSummary) -> String {
        var out = "TRIAGE \(summary.bundles) bundle(s)\n"
        out += "  outcome: \(counts(summary.outcomes))\n"
        out += "  verdict: \(counts(summary.statuses))\n"
        out += "  worst severity: \(severityCounts(summary))\n"
        out += "\nFINDINGS (bundles per finding)\n"
        if summary.findings.isEmpty { out += "  none\n" }
        for f in summary.findings { out += "  \(f.bundles)\t\(f.severity)\t\(f.id)\n" }
        out += "\nNEAREST DEADLINES\n"
        if summary.nearestDeadlines.isEmpty { out += "  none\n" }
        for d in summary.nearestDeadlines {
            out += "  \(d.due)  \(d.name)" + (d.consequence.map { " → \($0)" } ?? "") + "  \(d.path)\n"
        }
        out += "\nNOT ANALYZED IN FULL\n"
        if summary.problems.isEmpty { out += "  none\n" }
        for p in summary.problems { out += "  \(p.what)\t\(p.path)" + (p.detail.isEmpty ? "" : "\t\(p.detail)") + "\n" }
        return out
    }

    /// Markdown, to paste into a ticket.
    public static func markdown(_ summary: TriageSummary) -> String {
        let cell = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# Triage: \(summary.bundles) bundle(s)\n\n"
        out += "Outcome: \(counts(summary.outcomes)). Verdict: \(counts(summary.statuses)). Worst severity: \(severityCounts(summary)).\n\n"
        out += "## Bundles\n\n| bundle | verdict | worst | findings | nearest deadline |\n|---|---|---|---|---|\n"
        for r in summary.records {
            let name = r.report.map { "[\(cell(r.path))](\($0))" } ?? cell(r.path)
            out += "| \(name) | \(r.verdict?.status ?? r.outcome.rawValue) | \(r.verdict?.worstSeverity ?? "") | "
                + cell(r.findings.map(\.id).joined(separator: ", ")) + " | " + cell(nearest(r)) + " |\n"
        }
        out += "\n## Findings\n\n| finding | severity | bundles |\n|---|---|---|\n"
        for f in summary.findings { out += "| \(cell(f.id)) | \(f.severity) | \(f.bundles) |\n" }
        out += "\n## Nearest deadlines\n\n| due | deadline | consequence | bundle |\n|---|---|---|---|\n"
        for d in summary.nearestDeadlines { out += "| \(d.due) | \(d.name) | \(d.consequence ?? "") | \(cell(d.path)) |\n" }
        out += "\n## Not analyzed in full\n\n| bundle | what | detail |\n|---|---|---|\n"
        for p in summary.problems { out += "| \(cell(p.path)) | \(p.what) | \(cell(p.detail)) |\n" }
        return out
    }

    /// Self-contained HTML (no scripts, no network).
    public static func html(_ summary: TriageSummary) -> String {
        var out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>licscope triage</title>"
        out += "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;text-align:left}</style>"
        out += "</head><body>\n<h1>Triage: \(summary.bundles) bundle(s)</h1>\n"
        out += "<p>Outcome: \(HTMLText.escape(counts(summary.outcomes))). Verdict: \(HTMLText.escape(counts(summary.statuses))). Worst severity: \(HTMLText.escape(severityCounts(summary))).</p>\n"
        out += "<h2>Bundles</h2>\n<table><tr><th>bundle</th><th>verdict</th><th>worst</th><th>findings</th><th>nearest deadline</th></tr>\n"
        for r in summary.records {
            let name = r.report.map { "<a href=\"\(HTMLText.escape($0))\">\(HTMLText.escape(r.path))</a>" } ?? HTMLText.escape(r.path)
            out += "<tr><td>\(name)</td><td>\(HTMLText.escape(r.verdict?.status ?? r.outcome.rawValue))</td><td>\(HTMLText.escape(r.verdict?.worstSeverity ?? ""))</td>"
            out += "<td>\(HTMLText.escape(r.findings.map(\.id).joined(separator: ", ")))</td><td>\(HTMLText.escape(nearest(r)))</td></tr>\n"
        }
        out += "</table>\n<h2>Findings</h2>\n<table><tr><th>finding</th><th>severity</th><th>bundles</th></tr>\n"
        for f in summary.findings { out += "<tr><td>\(HTMLText.escape(f.id))</td><td>\(HTMLText.escape(f.severity))</td><td>\(f.bundles)</td></tr>\n" }
        out += "</table>\n<h2>Nearest deadlines</h2>\n<table><tr><th>due</th><th>deadline</th><th>consequence</th><th>bundle</th></tr>\n"
        for d in summary.nearestDeadlines {
            out += "<tr><td>\(HTMLText.escape(d.due))</td><td>\(HTMLText.escape(d.name))</td><td>\(HTMLText.escape(d.consequence ?? ""))</td><td>\(HTMLText.escape(d.path))</td></tr>\n"
        }
        out += "</table>\n<h2>Not analyzed in full</h2>\n<table><tr><th>bundle</th><th>what</th><th>detail</th></tr>\n"
        for p in summary.problems { out += "<tr><td>\(HTMLText.escape(p.path))</td><td>\(HTMLText.escape(p.what))</td><td>\(HTMLText.escape(p.detail))</td></tr>\n" }
        return out + "</table>\n</body></html>\n"
    }

    static func nearest(_ record: TriageRecord) -> String {
        guard let d = record.deadlines.min(by: { $0.due < $1.due }) else { return "" }
        return "\(d.due) \(d.name)"
    }
}
