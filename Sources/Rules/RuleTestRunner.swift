import Foundation
import LicensingModel

/// The outcome of one rule on one of its fixtures.
public struct RuleTestResult: Sendable, Hashable {
    /// What the fixture expects.
    public enum Expectation: String, Sendable, Hashable { case match, noMatch = "nomatch", notEvaluated = "not_evaluated" }
    public var ruleID: String
    public var fixture: String
    public var expectation: Expectation
    public var passed: Bool
    /// On failure: the load error or the rule's explanation.
    public var detail: String
}

/// What `licscope rules test` found.
public struct RuleTestReport: Sendable {
    public var results: [RuleTestResult]
    /// Whether every fixture passed (and there was at least one).
    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.passed) }
    public var failures: [RuleTestResult] { results.filter { !$0.passed } }
}

/// Runs every rule's fixtures: `match-*` must produce the rule's finding, `nomatch-*` must be evaluated and not
/// match (or, with `expect: not_evaluated` in `fixture.yaml`, must be skipped for lack of evidence).
/// Each rule runs alone, so one rule's fixture never tests another rule.
/// - Parameters:
///   - set: rules loaded from a directory (fixtures are read from its `tests/<id>/`).
///   - loader: turns a fixture directory into evidence.
/// - Returns: one result per rule and fixture.
public func runRuleTests(_ set: RuleSet, loader: FixtureLoader) -> RuleTestReport {
    var results: [RuleTestResult] = []
    for rule in set.rules {
        let single = RuleSet(rules: [rule], directory: set.directory)
        let cases = rule.tests.match.map { ($0, true) } + rule.tests.noMatch.map { ($0, false) }
        for (name, mustMatch) in cases {
            var result = RuleTestResult(
                ruleID: rule.id, fixture: name, expectation: mustMatch ? .match : .noMatch, passed: false, detail: "")
            guard let directory = set.directory?.appendingPathComponent("tests/\(rule.id)/\(name)") else {
                result.detail = "the rule set has no directory to read fixtures from"
                results.append(result)
                continue
            }
            if !mustMatch, RuleFixtures.expectation(in: directory) == "not_evaluated" { result.expectation = .notEvaluated }
            do {
                let evaluation = single.evaluate(try loader(directory))
                let explanation = evaluation.explanation(for: rule.id)
                switch (result.expectation, explanation?.outcome) {
                case (.match, .matched?), (.noMatch, .notMatched?), (.notEvaluated, .notEvaluated?): result.passed = true
                default: result.detail = explanation?.text ?? "no explanation"
                }
            } catch {
                result.detail = "cannot load the fixture: \(error)"
            }
            results.append(result)
        }
    }
    return RuleTestReport(results: results)
}
