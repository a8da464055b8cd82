import Analysis
import Foundation
import LicensingModel
import Reports
import Testing

/// Every sample under samples/ analyzed as `licscope analyze samples/<name>/bundle` would, compared with its
/// expected.yaml: findings that must and must not appear, final states, key instants within their tolerance,
/// the capture/log clock offset and whether the input was partly unreadable.
@Suite("samples: real-traffic bundles against their ground truth")
struct SampleScenarioTests {
    static let samplesDirectory = AnalysisFixtures.packageRoot.appendingPathComponent("samples")
    static let names = SampleExpectation.all(in: samplesDirectory)

    @Test("every sample has a bundle/ to analyze and an expected.yaml")
    func layout() {
        #expect(!Self.names.isEmpty)
        for name in Self.names {
            let bundle = Self.samplesDirectory.appendingPathComponent("\(name)/bundle").path
            #expect(FileManager.default.fileExists(atPath: bundle), "\(name) has no bundle/")
        }
    }

    @Test("the analysis matches the sample's expected.yaml", arguments: names)
    func sample(_ name: String) throws {
        let dir = Self.samplesDirectory.appendingPathComponent(name)
        let expected = try SampleExpectation.load(dir.appendingPathComponent("expected.yaml"))
        let outcome = AnalysisRun.run(
            paths: [dir.appendingPathComponent("bundle").path], options: try AnalysisFixtures.options(),
            toolVersion: "test")
        let json = try AnalysisReport.jsonEncoder().encode(AnalysisDocument(outcome.report))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let mismatches = SampleComparison(expected: expected, report: report, events: outcome.events).mismatches()
        if let pending = expected.pending {
            if mismatches.isEmpty {
                let advice = "remove its pending entry (issue \(pending.issue)) from samples/make/scenarios.py, "
                    + "then python3 samples/make/build.py \(name)"
                Issue.record("\(name) passes now: \(advice)")
            } else {
                withKnownIssue(Comment(rawValue: "pending issue \(pending.issue): \(pending.reason)")) {
                    for m in mismatches { Issue.record("\(name): \(m)") }
                }
            }
        } else {
            for m in mismatches { Issue.record("\(name): \(m)") }
        }
    }

    @Test("a moved instant, a missing skew or a must-not finding is reported as a mismatch")
    func comparisonCanFail() throws {
        let expected = try SampleExpectation.parse("""
            sample: probe
            zone: Asia/Kolkata
            findings: {must: [dns-failure], must_not: [tls-interception]}
            final_states: {authorization: AUTHORIZED}
            partly_unreadable: false
            skew: {required: true, offset_seconds: 277, tolerance_seconds: 2, basis: construction}
            instants:
              - {what: renewal, event: authorization.renew.succeeded, source: slm.log, utc: '2026-12-07T05:09:40Z',
                 epoch: 1796620180, tolerance_seconds: 2, basis: capture}
              - {what: expiry, runway: {dimension: authorization, to: AUTHORIZATION EXPIRED},
                 utc: '2027-03-07T05:04:42Z', epoch: 1804395882, tolerance_seconds: 360, basis: deadline}
            """)
        let report: [String: Any] = [
            "findings": [["id": "tls-interception"]],
            "states": [["dimension": "authorization", "value": "AUTHORIZATION EXPIRED"]],
            "runway": [["dimension": "authorization", "to": "AUTHORIZATION EXPIRED", "at": "2027-03-07T05:11:00Z"]],
            "transitions": [], "verdict": ["partly_unreadable": true],
        ]
        let found = SampleComparison(expected: expected, report: report, events: []).mismatches()
        #expect(found.contains { $0.contains("dns-failure must appear") })
        #expect(found.contains { $0.contains("tls-interception must not appear") })
        #expect(found.contains { $0.contains("final authorization") })
        #expect(found.contains { $0.contains("partly_unreadable") })
        #expect(found.contains { $0.contains("no renewal") })
        #expect(found.contains { $0.contains("expiry off by 378 s") })
        #expect(found.contains { $0.contains("no clock offset") })
        #expect(found.count == 7)
        // Within tolerance: no mismatch.
        let near: [String: Any] = [
            "findings": [["id": "dns-failure"]], "states": [["dimension": "authorization", "value": "AUTHORIZED"]],
            "runway": [["dimension": "authorization", "to": "AUTHORIZATION EXPIRED", "at": "2027-03-07T05:09:00Z"]],
            "transitions": [], "verdict": ["partly_unreadable": false], "skew": ["offset_seconds": 278.5],
        ]
        let none = SampleComparison(expected: expected, report: near, events: []).mismatches()
        #expect(none == ["no renewal at all (expected 2026-12-07T05:09:40Z ± 2 s; capture)"])
    }
}
