import Analysis
import ArgumentParser
import Foundation
import Reports
import Rules

/// Renders an analysis in the requested format.
enum ReportWriter {
    /// `summary` asks for the short form (text, and Markdown, whose default it is unless `full`); the other formats
    /// are always whole. `--summary` with a format that has no short form prints the text summary, as it always did.
    static func render(
        _ outcome: AnalysisOutcome, format: ReportFormat, color: Bool, summary: Bool = false, full: Bool = false
    ) throws -> String {
        switch format {
        case .markdown:
            return full ? AnalysisMarkdownRenderer.render(outcome.report) : AnalysisMarkdownRenderer.renderSummary(outcome.report)
        case _ where summary: return AnalysisSummaryRenderer.render(outcome.report)
        case .json: return try AnalysisJSONRenderer.render(outcome.report)
        case .text: return AnalysisTextRenderer.render(outcome.report, color: color)
        case .html: return AnalysisHTMLRenderer.render(outcome.report, events: outcome.events)
        case .jsonl: return TimelineJSONLRenderer.render(events: outcome.events, report: outcome.report)
        }
    }

    /// The `--explain RULE` section appended to a text or Markdown report (JSON and HTML carry the report's
    /// explanation in their own shape; `--summary` prints text whatever the format).
    static func explanation(_ report: AnalysisReport, format: ReportFormat, summary: Bool) -> String {
        if format == .markdown { return ExplanationText.markdown(report) }
        return format == .text || summary ? ExplanationText.text(report) : ""
    }
}
