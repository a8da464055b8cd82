import Foundation
import LicensingModel

/// Plain-text renderings for `licscope rules list` and `licscope rules explain ID`.
public enum RuleText {
    /// One line per rule: id, rev, kind, severity, title, aligned.
    public static func list(_ rules: [Rule]) -> String {
        let width = max(2, rules.map(\.id.count).max() ?? 2)
        let header = "ID".padding(toLength: width, withPad: " ", startingAt: 0) + "  REV  KIND        SEVERITY  TITLE"
        let rows = rules.map { rule in
            rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(rule.rev).padding(toLength: 3, withPad: " ", startingAt: 0) + "  "
                + rule.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                + rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + rule.title
        }
        return ([header] + rows).joined(separator: "\n")
    }

    /// Everything a rule says, for an engineer deciding whether to trust a finding.
    public static func explain(_ rule: Rule) -> String {
        var out: [String] = [
            "\(rule.id) rev \(rule.rev) — \(rule.title)",
            "kind: \(rule.kind.rawValue)   severity: \(rule.severity.rawValue)   confidence: \(rule.confidence.rawValue)",
        ]
        if let note = rule.confidenceNote { out.append("confidence note: \(note)") }
        out.append("affected versions: " + (rule.affectedVersions.isEmpty ? "not known" : rule.affectedVersions.joined(separator: ", ")))
        out.append("fixed versions: " + (rule.fixedVersions.isEmpty ? "not known" : rule.fixedVersions.joined(separator: ", ")))
        out.append("requires: " + (rule.requires.kinds.isEmpty ? "nothing" : rule.requires.summary))
        if !rule.corroboratedBy.isEmpty {
            out.append("corroborated by: " + rule.corroboratedBy.map(\.rawValue).joined(separator: ", "))
        }
        out.append("")
        out.append("when:")
        for named in rule.selections {
            out.append("  \(named.name): \(RuleDescription.selection(named.selection))")
            if let description = named.description { out.append("      (\(description))") }
        }
        out.append("  condition: \(rule.conditionText)")
        out.append("")
        out += section("verdict", [rule.verdict])
        out += section("explain", [rule.explain])
        out += section("remediation", [rule.remediation])
        out += section("facts [V]", rule.facts.map { "- \($0)" })
        out += section("inferences [I]", rule.inferences.map { "- \($0)" })
        out += section("references", rule.references.map { "- \($0)" })
        out += section("tests", rule.tests.match.map { "- must match: \($0)" } + rule.tests.noMatch.map { "- must not match: \($0)" })
        out.append("file: \(rule.file)")
        return out.joined(separator: "\n")
    }

    private static func section(_ title: String, _ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        return ["\(title):"] + lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" } } + [""]
    }

    /// `rules test` output: one line per fixture, failures with their explanation, and a summary.
    public static func testReport(_ report: RuleTestReport) -> String {
        var out: [String] = []
        for r in report.results {
            out.append("\(r.passed ? "ok  " : "FAIL") \(r.ruleID) \(r.fixture) (expects \(r.expectation.rawValue))")
            if !r.passed { out += r.detail.split(separator: "\n").map { "       \($0)" } }
        }
        let failed = report.failures.count
        out.append("\(report.results.count - failed) passed, \(failed) failed")
        return out.joined(separator: "\n")
    }
}
