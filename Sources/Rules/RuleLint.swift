import Foundation
import LicensingModel

/// What `licscope rules lint` found: every error, each `file:line:column: message`.
public struct RuleLintReport: Sendable {
    /// The rules that loaded.
    public var rules: [Rule]
    /// Every problem found, in file order.
    public var errors: [RuleLoadError]
    /// Whether lint passed.
    public var isClean: Bool { errors.isEmpty }
}

extension RuleSet {
    /// Lints a rules directory: schema, vocabulary, regexes, conditions and duplicate ids (as loading does), plus
    /// what only a directory can show: the file is named after its id, and every listed fixture exists under
    /// `tests/<id>/` with a `match-` / `nomatch-` name, and no fixture there is left unlisted.
    public static func lint(directory: URL) -> RuleLintReport {
        var (rules, errors) = parseAll(directory: directory)
        for rule in rules { errors += fixtureErrors(rule, directory: directory) }
        return RuleLintReport(rules: rules, errors: errors)
    }

    private static func fixtureErrors(_ rule: Rule, directory: URL) -> [RuleLoadError] {
        var errors: [RuleLoadError] = []
        func error(_ position: RulePosition?, _ message: String) {
            let p = position ?? rule.idPosition
            errors.append(RuleLoadError(file: rule.file, line: p.line, column: p.column, message: message))
        }
        let stem = (rule.file as NSString).lastPathComponent.split(separator: ".").first.map(String.init)
        if stem != rule.id { error(rule.idPosition, "the file of rule '\(rule.id)' must be named \(rule.id).yaml") }
        let testsDirectory = directory.appendingPathComponent("tests").appendingPathComponent(rule.id)
        for (names, prefix) in [(rule.tests.match, "match-"), (rule.tests.noMatch, "nomatch-")] {
            for name in names {
                let position = rule.tests.positions[name]
                if !name.hasPrefix(prefix) { error(position, "fixture '\(name)' must be named \(prefix)<name>") }
                let fixture = testsDirectory.appendingPathComponent(name)
                let contents = (try? FileManager.default.contentsOfDirectory(atPath: fixture.path)) ?? []
                if contents.isEmpty {
                    error(position, "fixture directory tests/\(rule.id)/\(name) is missing or empty")
                }
            }
        }
        let listed = Set(rule.tests.match + rule.tests.noMatch)
        let present = (try? FileManager.default.contentsOfDirectory(atPath: testsDirectory.path)) ?? []
        for name in present.sorted() where !name.hasPrefix(".") && !listed.contains(name) {
            error(rule.idPosition, "fixture directory tests/\(rule.id)/\(name) is not listed under 'tests'")
        }
        return errors
    }
}
