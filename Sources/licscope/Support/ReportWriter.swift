import Analysis
import ArgumentParser
import Foundation
import Reports
import Rules

/// Renders an analysis in the requested format.
enum ReportWriter {
    static func render(_ outcome: AnalysisOutcome, format: ReportFormat, color: Bool) throws -> String {
        switch format {
        case .json: return try AnalysisJSONRenderer.render(outcome.report)
        case .text: return AnalysisTextRenderer.render(outcome.report, color: color)
        case .markdown: return AnalysisMarkdownRenderer.render(outcome.report)
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
