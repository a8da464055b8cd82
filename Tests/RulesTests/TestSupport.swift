import Foundation
import LicensingModel
@testable import Rules

/// Helpers shared by the Rules tests.
enum TestSupport {
    /// The repository's shipped `rules/` directory.
    static var shippedRules: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules")
    }

    /// The bundled invalid-rule fixtures.
    static func invalidFixtureNames() -> [String] {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/invalid") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { $0.hasPrefix("invalid-") && $0.hasSuffix(".yaml") }.sorted()
    }

    static func fixtureText(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/invalid") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A minimal rule around a `when:` block.
    static func rule(
        _ when: String, id: String = "sample-rule", requires: String = "[]", severity: String = "low",
        corroborated: String = "[]"
    ) throws -> Rule {
        let yaml = """
            id: \(id)
            rev: 2
            kind: diagnostic
            title: Sample \(id)
            severity: \(severity)
            confidence: medium
            requires: \(requires)
            corroborated_by: \(corroborated)
            when:
            \(when.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            explain: Why.
            remediation: What to do.
            facts: [A fact.]
            inferences: [An inference.]
            tests:
              match: [match-a]
              nomatch: [nomatch-b]
            """
        return try RuleSet.parseRule(yaml: yaml, file: "\(id).yaml")
    }

    static let t0 = Date(timeIntervalSince1970: 1_600_000_000)

    static func event(
        _ kind: EventKind, at offset: TimeInterval?, _ fields: [String: FieldValue] = [:],
        source: SourcePointer = .line("slm.log", 1), excerpt: String? = nil
    ) -> Event {
        let time = offset.map { EventTime(instant: t0.addingTimeInterval($0), raw: "t0+\($0)") }
        return Event(kind: kind, time: time, source: source, fields: fields, excerpt: excerpt)
    }

    static func evaluate(_ rule: Rule, _ events: [Event], intervals: [StateInterval] = [],
        present: Set<EvidenceKind> = Set(EvidenceKind.allCases), end: Date? = nil) -> RuleEvaluation {
        RuleSet(rules: [rule]).evaluate(
            RuleEvidence(events: events.sorted(by: Event.timelineOrder), intervals: intervals, present: present,
                evidenceEnd: end))
    }

    static func matches(_ rule: Rule, _ events: [Event], intervals: [StateInterval] = [], end: Date? = nil) -> Bool {
        evaluate(rule, events, intervals: intervals, end: end).findings.contains { $0.id == rule.id }
    }
}
