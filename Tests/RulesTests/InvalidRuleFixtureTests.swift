import Foundation
import LicensingModel
import Testing
@testable import Rules

/// Every `Fixtures/invalid/invalid-*.yaml` fails to load with the `line:column: message` its last line states.
@Suite struct InvalidRuleFixtureTests {
    @Test func fixturesExist() {
        #expect(TestSupport.invalidFixtureNames().count >= 15)
    }

    @Test(arguments: TestSupport.invalidFixtureNames())
    func rejectedAtStatedPosition(_ name: String) throws {
        let text = try TestSupport.fixtureText(name)
        let lastLine = try #require(text.split(separator: "\n").last)
        #expect(lastLine.hasPrefix("# expect: "))
        let expected = String(lastLine.dropFirst("# expect: ".count))
        do {
            _ = try RuleSet.parseRule(yaml: text, file: name)
            Issue.record("\(name) loaded but should have failed with \(expected)")
        } catch {
            #expect(error.positionedMessage == expected)
            #expect(error.description == "\(name):\(expected)")
        }
    }

    @Test func theValidBaseLoads() throws {
        let text = try TestSupport.fixtureText("valid-sample.yaml")
        let rule = try RuleSet.parseRule(yaml: text, file: "valid-sample.yaml")
        #expect(rule.id == "sample-rule")
        #expect(rule.selections.map(\.name) == ["failed", "renewed"])
        #expect(rule.condition == .and([.selection("failed"), .not(.selection("renewed"))]))
        #expect(rule.requires == EvidenceRequirement(mode: .allOf, kinds: [.cli]))
    }
}
