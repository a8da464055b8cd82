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

    /// The `--explain RULE` section.
    static func explanation(_ id: String, outcome: AnalysisOutcome, rules: RuleSet, format: ReportFormat) -> String {
        guard format == .text || format == .markdown else { return "" }
        guard rules.rule(id: id) != nil else { return "\n--explain: no rule \(id) in \(rules.directory?.path ?? "the rules")\n" }
        guard let e = outcome.evaluation?.explanation(for: id) else { return "\n--explain \(id): not evaluated\n" }
        return "\n== explain \(id)\n" + e.text + "\n"
    }
}
