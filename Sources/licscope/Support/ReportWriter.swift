import Analysis
import ArgumentParser
import Foundation
import Reports
import Rules

/// Renders an analysis in the requested format.
enum ReportWriter {
    static func render(_ outcome: AnalysisOutcome, format: ReportFormat, color: Bool) throws -> String {
        switch format {
        case .json:
            let data = try AnalysisReport.jsonEncoder().encode(outcome.report)
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text, .markdown, .html, .jsonl:
            throw ValidationError("--format \(format.rawValue) is not available in this build")
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
