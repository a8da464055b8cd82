import Foundation
import LicensingModel
import Testing
@testable import Rules

/// What only a directory can show: file names, duplicate ids, fixture directories.
@Suite struct RuleLintTests {
    static func sample(id: String) throws -> String {
        try TestSupport.fixtureText("valid-sample.yaml").replacingOccurrences(of: "id: sample-rule", with: "id: \(id)")
    }

    static func addFixtures(_ dir: borrowing TemporaryDirectory, id: String) throws {
        try dir.write("tests/\(id)/match-a/events.jsonl", "")
        try dir.write("tests/\(id)/nomatch-b/events.jsonl", "")
    }

    @Test func aCleanDirectory() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sample-rule.yaml", try Self.sample(id: "sample-rule"))
        try Self.addFixtures(dir, id: "sample-rule")
        let report = RuleSet.lint(directory: dir.url)
        #expect(report.errors.map(\.description) == [])
        #expect(report.rules.map(\.id) == ["sample-rule"])
    }

    @Test func duplicateIDsAndMisnamedFiles() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.yaml", try Self.sample(id: "sample-rule"))
        try dir.write("b.yaml", try Self.sample(id: "sample-rule"))
        try Self.addFixtures(dir, id: "sample-rule")
        let messages = RuleSet.lint(directory: dir.url).errors.map(\.positionedMessage)
        #expect(messages.contains("1:5: duplicate id 'sample-rule' (first defined in \(dir.url.relativePath)/a.yaml:1)"))
        #expect(messages.contains("1:5: the file of rule 'sample-rule' must be named sample-rule.yaml"))
        #expect(throws: RuleLoadError.self) { try RuleSet.load(directory: dir.url) }
    }

    @Test func missingMisnamedAndUnlistedFixtures() throws {
        let dir = try TemporaryDirectory()
        let text = try Self.sample(id: "sample-rule").replacingOccurrences(of: "match: [match-a]", with: "match: [a]")
        try dir.write("sample-rule.yaml", text)
        try dir.write("tests/sample-rule/nomatch-b/events.jsonl", "")
        try dir.write("tests/sample-rule/match-forgotten/events.jsonl", "")
        let messages = RuleSet.lint(directory: dir.url).errors.map(\.positionedMessage)
        #expect(messages == [
            "20:11: fixture 'a' must be named match-<name>",
            "20:11: fixture directory tests/sample-rule/a is missing or empty",
            "1:5: fixture directory tests/sample-rule/match-forgotten is not listed under 'tests'",
        ])
    }

    @Test func everyBrokenFileIsReported() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a-rule.yaml", try Self.sample(id: "a-rule").replacingOccurrences(of: "severity: low", with: "severity: big"))
        try dir.write("b-rule.yaml", try Self.sample(id: "b-rule").replacingOccurrences(of: "rev: 1", with: "rev: one"))
        let errors = RuleSet.lint(directory: dir.url).errors
        #expect(errors.map(\.positionedMessage) == [
            "5:11: 'severity' 'big' is not one of: info, low, medium, high, critical",
            "2:6: 'rev' must be an integer",
        ])
        #expect(errors.first?.file == dir.url.relativePath + "/a-rule.yaml")
    }

    @Test func notADirectory() {
        let errors = RuleSet.lint(directory: URL(fileURLWithPath: "/nonexistent/rules")).errors
        #expect(errors.map(\.description) == ["/nonexistent/rules:1:1: not a rules directory"])
    }
}
