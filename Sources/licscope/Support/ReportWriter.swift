import Analysis
import ArgumentParser
import Foundation
import Reports
import Rules

/// Renders an analysis in the requested format.
enum ReportWriter {
    /// `summary` asks for the short form: text, JSON (`licscope.analysis-summary/1`), HTML, and Markdown, whose default
    /// it is unless `full`. JSON Lines is a timeline and has no short form (the command refuses `--summary` with it).
    static func render(
        _ outcome: AnalysisOutcome, format: ReportFormat, color: Bool, summary: Bool = false, full: Bool = false
    ) throws -> String {
        switch format {
        case .markdown:
            return full ? AnalysisMarkdownRenderer.render(outcome.report) : AnalysisMarkdownRenderer.renderSummary(outcome.report)
        case .text where summary: return AnalysisSummaryRenderer.render(outcome.report)
        case .json where summary: return try AnalysisJSONRenderer.renderSummary(outcome.report)
        case .html where summary: return AnalysisHTMLRenderer.renderSummary(outcome.report)
        case .json: return try AnalysisJSONRenderer.render(outcome.report)
        case .text: return AnalysisTextRenderer.render(outcome.report, color: color)
        case .html: return AnalysisHTMLRenderer.render(outcome.report, events: outcome.events)
        case .jsonl: return TimelineJSONLRenderer.render(events: outcome.events, report: outcome.report)
        }
    }

    /// The `--explain RULE` section appended to a text or Markdown report (JSON and HTML carry the report's
    /// explanation in their own shape, summary or not).
    static func explanation(_ report: AnalysisReport, format: ReportFormat) -> String {
        switch format {
        case .markdown: return ExplanationText.markdown(report)
        case .text: return ExplanationText.text(report)
        case .json, .jsonl, .html: return ""
        }
    }
}
