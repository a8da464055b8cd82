import Foundation
import LicensingModel
import Testing
@testable import Rules

/// The shipped `rules/` directory: lint is clean, every fixture passes, and the ids other tools key on exist.
@Suite struct ShippedRulesTests {
    static let diagnosticIDs = [
        "dns-failure", "tcp-blocked", "proxy-auth-required", "proxy-denied", "tls-untrusted-ca", "tls-interception",
        "clock-skew", "communication-failure", "eval-expired", "auth-expired", "registration-expired",
        "out-of-compliance", "no-provisioning", "product-removed", "transport-disabled", "subscriber-not-publisher",
        "tls-certificate-invalid", "tls-handshake-stalled", "dns-resolvers-disagree",
    ]

    @Test func lintIsClean() {
        let report = RuleSet.lint(directory: TestSupport.shippedRules)
        #expect(report.errors.map(\.description) == [])
        #expect(report.rules.count == 22)
    }

    @Test func everyFixturePasses() throws {
        let set = try RuleSet.load(directory: TestSupport.shippedRules)
        let report = runRuleTests(set, loader: RuleFixtures.eventsLoader)
        #expect(report.failures.map { "\($0.ruleID)/\($0.fixture): \($0.detail)" } == [])
        #expect(report.passed)
        for rule in set.rules {
            #expect(report.results.contains { $0.ruleID == rule.id && $0.expectation == .match && $0.passed })
            #expect(report.results.contains { $0.ruleID == rule.id && $0.expectation != .match && $0.passed })
        }
    }

    @Test func stableIDsExist() throws {
        let set = try RuleSet.load(directory: TestSupport.shippedRules)
        #expect(set.rules.filter { $0.kind == .bug }.map(\.id) == ["CSCvc94366", "CSCvf86710", "CSCvh16069"])
        for id in Self.diagnosticIDs { #expect(set.rule(id: id)?.kind == .diagnostic, "missing \(id)") }
    }

    @Test func bugRulesSeparateFactFromInferenceAndClaimNoVersions() throws {
        let set = try RuleSet.load(directory: TestSupport.shippedRules)
        for rule in set.rules where rule.kind == .bug {
            #expect(!rule.facts.isEmpty && !rule.inferences.isEmpty, "\(rule.id)")
            #expect(rule.affectedVersions.isEmpty && rule.fixedVersions.isEmpty, "\(rule.id)")
            #expect(rule.references.contains(rule.id), "\(rule.id)")
        }
        #expect(set.rule(id: "proxy-auth-required")?.references.contains("CSCvh72897") == true)
        #expect(set.rule(id: "tls-untrusted-ca")?.references.contains("FN72318") == true)
        #expect(set.rule(id: "tls-untrusted-ca")?.references.contains("CSCvx00530") == true)
    }

    @Test func aBrokenRuleFailsTheFixtureRunner() throws {
        var set = try RuleSet.load(directory: TestSupport.shippedRules)
        let broken = try TestSupport.rule("a:\n  event: dns.failure\ncondition: a", id: "dns-failure")
        set.rules = [Rule(copying: broken, tests: try #require(set.rule(id: "dns-failure")).tests)]
        let report = runRuleTests(set, loader: RuleFixtures.eventsLoader)
        #expect(!report.passed)
        #expect(report.failures.map(\.fixture) == ["match-log-reason"])
    }
}

extension Rule {
    fileprivate init(copying rule: Rule, tests: RuleTests) {
        self = rule
        self.tests = tests
    }
}

/// The fixtures' events point at real lines of the raw inputs shipped beside them.
@Suite struct ShippedFixtureConsistencyTests {
    @Test func linePointersMatchTheRawInputs() throws {
        let tests = TestSupport.shippedRules.appendingPathComponent("tests")
        let fm = FileManager.default
        var checked = 0
        for rule in try fm.contentsOfDirectory(atPath: tests.path).sorted() {
            let ruleDir = tests.appendingPathComponent(rule)
            for fixture in try fm.contentsOfDirectory(atPath: ruleDir.path).sorted() {
                let dir = ruleDir.appendingPathComponent(fixture)
                let jsonl = try String(contentsOf: dir.appendingPathComponent("events.jsonl"), encoding: .utf8)
                for event in try FixtureEventDecoder.events(jsonl: jsonl, file: "\(rule)/\(fixture)") {
                    guard case .line(let n) = event.source.location else { continue }
                    let raw = dir.appendingPathComponent(event.source.path)
                    guard let text = try? String(contentsOf: raw, encoding: .utf8) else { continue }
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(n >= 1 && n <= lines.count, "\(rule)/\(fixture): \(event.source)")
                    if let excerpt = event.excerpt, n >= 1, n <= lines.count {
                        #expect(lines[n - 1].contains(excerpt), "\(rule)/\(fixture): \(event.source) is not '\(excerpt)'")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }
}
