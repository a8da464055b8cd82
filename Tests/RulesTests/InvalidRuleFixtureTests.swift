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

/// Closed values are checked case-insensitively under `ignore_case`, and open fields take any value.
@Suite struct ClosedValueTests {
    func load(_ block: String) throws -> Rule {
        let base = try TestSupport.fixtureText("valid-sample.yaml")
        let text = base.replacingOccurrences(
            of: "  renewed:\n    event: authorization.renew.succeeded\n", with: "  renewed:\n" + block)
        return try RuleSet.parseRule(yaml: text, file: "closed.yaml")
    }

    @Test func closedValuesLoad() throws {
        _ = try load("    event: status.snapshot\n    where:\n      authorization.status: {in: [AUTHORIZED, OUT OF COMPLIANCE]}\n")
        _ = try load("    event: status.snapshot\n    where:\n      authorization.status: {equals: authorized, ignore_case: true}\n")
        _ = try load("    event: engine.anomaly\n    where:\n      anomaly: clock_skew\n")
        // An open field on one of the kinds leaves the field open.
        _ = try load("    event: [status.snapshot, service.status]\n    where:\n      role: anything\n")
        _ = try load("    event: entitlement.usage\n    where:\n      count: {gt: 3}\n")
    }

    @Test func caseMattersWithoutIgnoreCase() {
        #expect(throws: RuleLoadError.self) {
            try load("    event: status.snapshot\n    where:\n      authorization.status: authorized\n")
        }
    }
}
