import Foundation
import LicensingModel
import Testing
@testable import Rules

@Suite struct RuleEvaluationTests {
    typealias T = TestSupport

    static let tierGap = """
        gap:
          entitlements:
            lower: {status: OutOfCompliance}
            higher: {status: InCompliance}
        condition: gap
        """

    @Test func followedByRespectsOrderAndWindow() throws {
        let rule = try T.rule("""
            failed:
              event: communication.failed
            renewed:
              event: authorization.renew.succeeded
            condition: failed followed by renewed within 10m
            """)
        #expect(T.matches(rule, [T.event(.communicationFailed, at: 0), T.event(.authorizationRenewSucceeded, at: 300)]))
        #expect(!T.matches(rule, [T.event(.communicationFailed, at: 0), T.event(.authorizationRenewSucceeded, at: 601)]))
        #expect(!T.matches(rule, [T.event(.authorizationRenewSucceeded, at: 0), T.event(.communicationFailed, at: 60)]))
        #expect(!T.matches(rule, [T.event(.communicationFailed, at: nil), T.event(.authorizationRenewSucceeded, at: 0)]))
    }

    @Test func countWithinAWindow() throws {
        let rule = try T.rule("""
            failed:
              event: authorization.renew.failed
            condition: count(failed) >= 3 within 1h
            """)
        let dense = [0, 1200, 3000].map { T.event(.authorizationRenewFailed, at: TimeInterval($0)) }
        let sparse = [0, 3000, 7200].map { T.event(.authorizationRenewFailed, at: TimeInterval($0)) }
        #expect(T.matches(rule, dense))
        #expect(!T.matches(rule, sparse))
        let finding = try #require(T.evaluate(rule, dense).findings.first)
        #expect(finding.evidence.count == 1, "three identical messages are one grouped item")
        #expect(finding.evidence.first?.count == 3)
        #expect(finding.evidence.first?.lastTime == T.t0.addingTimeInterval(3000))
        #expect(finding.firstEvidence == T.t0)
        #expect(finding.lastEvidence == T.t0.addingTimeInterval(3000))
    }

    @Test func predicatesCompareTypedValues() throws {
        let rule = try T.rule("""
            proxy:
              event: transport.configured
              where:
                mode: {equals: PROXY, ignore_case: true}
                proxy_port: 443
                proxy_user: {exists: false}
                url: {not_equals: 'https://example.invalid'}
            condition: proxy
            """)
        #expect(T.matches(rule, [T.event(.transportConfigured, at: 0, ["mode": "proxy", "proxy_port": 443])]))
        #expect(T.matches(rule, [T.event(.transportConfigured, at: 0, ["mode": "Proxy", "proxy_port": "443"])]))
        #expect(!T.matches(rule, [T.event(.transportConfigured, at: 0, ["mode": "proxy", "proxy_port": 8080])]))
        #expect(!T.matches(rule, [T.event(.transportConfigured, at: 0, ["mode": "proxy", "proxy_port": 443, "proxy_user": "u"])]))
    }

    @Test func numericRegexAndInPredicates() throws {
        let rule = try T.rule("""
            skew:
              event: clock.changed
              where:
                delta_seconds: {gt: 3600, lte: 86400}
            denied:
              event: proxy.connect
              where:
                status: {in: [403, 502]}
                target: {regex: 'cisco\\.com:443$'}
            condition: skew or denied
            """)
        #expect(T.matches(rule, [T.event(.clockChanged, at: 0, ["delta_seconds": 7200])]))
        #expect(!T.matches(rule, [T.event(.clockChanged, at: 0, ["delta_seconds": 3600])]))
        #expect(!T.matches(rule, [T.event(.clockChanged, at: 0, ["delta_seconds": "soon"])]))
        #expect(T.matches(rule, [T.event(.proxyConnect, at: 0, ["status": 502, "target": "tools.cisco.com:443"])]))
        #expect(!T.matches(rule, [T.event(.proxyConnect, at: 0, ["status": 502, "target": "tools.cisco.com:8443"])]))
    }

    @Test func stateAtEndUsesTheIntervalCoveringTheEvidenceEnd() throws {
        let rule = try T.rule("""
            expired:
              state: authorization
              value: AUTHORIZATION EXPIRED
              at: end
            condition: expired
            """)
        let expired = StateInterval(state: .authorization(.authorizationExpired), start: T.t0,
            end: T.t0.addingTimeInterval(100), cause: "timer", evidence: [.line("show.txt", 9)])
        let renewed = StateInterval(state: .authorization(.authorized), start: T.t0.addingTimeInterval(100),
            end: nil, cause: "authorization.renew.succeeded", evidence: [])
        #expect(!T.matches(rule, [], intervals: [expired, renewed], end: T.t0.addingTimeInterval(500)))
        #expect(T.matches(rule, [], intervals: [expired, renewed], end: T.t0.addingTimeInterval(50)))
        let any = try T.rule("""
            expired:
              state: authorization
              value: AUTHORIZATION EXPIRED
            condition: expired
            """)
        let evaluation = T.evaluate(any, [], intervals: [expired, renewed], end: T.t0.addingTimeInterval(500))
        let finding = try #require(evaluation.findings.first)
        #expect(finding.evidence.first?.source == .line("show.txt", 9))
        #expect(finding.evidence.first?.label == "authorization: AUTHORIZATION EXPIRED")
    }

    @Test func entitlementsNeedAStrictlyHigherTierInTheSameOutput() throws {
        let rule = try T.rule(Self.tierGap)
        func row(_ tier: String, _ status: String, path: String = "show.txt") -> Event {
            T.event(.entitlementUsage, at: 0, ["tier": .string(tier), "status": .string(status), "count": 3],
                source: .line(path, 1))
        }
        #expect(T.matches(rule, [row("Enhanced", "OutOfCompliance"), row("CUWL", "InCompliance")]))
        #expect(!T.matches(rule, [row("Enhanced", "OutOfCompliance"), row("Basic", "InCompliance")]))
        #expect(!T.matches(rule, [row("Basic", "OutOfCompliance"), row("TelePresenceRoom", "InCompliance")]))
        #expect(!T.matches(rule, [row("Basic", "OutOfCompliance"), row("CUWL", "InCompliance", path: "other.txt")]))
    }

    @Test func entitlementRowsComeFromSnapshotsWhenNoUsageEventsExist() throws {
        let rule = try T.rule(Self.tierGap)
        var snapshot = StatusSnapshot(command: "show license all")
        snapshot.usage = [
            EntitlementUsage(tag: "regid.2017-02.com.cisco.UCM_CUWL,12.0_cc59", count: 10, status: "InCompliance"),
            EntitlementUsage(tag: "regid.2016-07.com.cisco.UCM_Basic,12.0_ef82", count: 40, status: "OutOfCompliance"),
        ]
        snapshot.lines = ["usage[1]": 47]
        let event = Event(kind: .statusSnapshot, time: EventTime(instant: T.t0, raw: "t0"),
            source: .line("show.txt", 1), snapshot: snapshot)
        let finding = try #require(T.evaluate(rule, [event]).findings.first)
        #expect(finding.evidence.map(\.source) == [.line("show.txt", 1), .line("show.txt", 47)])
    }

    @Test func missingEvidenceMeansNotEvaluatedWithWhatToCollect() throws {
        let rule = try T.rule("""
            failed:
              event: communication.failed
            condition: failed
            """, requires: "{any_of: [capture, license_manager_log]}")
        let evaluation = T.evaluate(rule, [T.event(.communicationFailed, at: 0)], present: [.cli])
        #expect(evaluation.findings.isEmpty)
        let skipped = try #require(evaluation.notEvaluated.first)
        #expect(skipped.missing == [.capture, .licenseManagerLog])
        #expect(skipped.collect == [EvidenceKind.capture.collectHint, EvidenceKind.licenseManagerLog.collectHint])
        #expect(T.evaluate(rule, [T.event(.communicationFailed, at: 0)], present: [.capture]).findings.count == 1)
    }

    @Test func findingsRedactExcerpts() throws {
        let rule = try T.rule("""
            failed:
              event: [registration.failed, tls.handshake]
            condition: failed
            """, corroborated: "[capture, syslog]")
        let events = [
            T.event(.registrationFailed, at: 0, source: .line("cli history.txt", 4),
                excerpt: "license smart register idtoken NjQ1secret123 force"),
            T.event(.tlsHandshake, at: 1, source: .frame("packets.cap", 12)),
        ]
        let finding = try #require(T.evaluate(rule, events, present: [.cli, .capture]).findings.first)
        #expect(finding.evidence.count == 2)
        let text = try #require(finding.evidence.first)
        #expect(text.excerpt == "license smart register idtoken <redacted> force")
        #expect(text.source == .line("cli history.txt", 4) && text.sourceText == nil, "an event's excerpt is its source text")
        #expect(finding.missingCorroboration == [.syslog])
        #expect(finding.facts == ["A fact."] && finding.inferences == ["An inference."])
        #expect(finding.rev == 2)
    }

    @Test func evidenceIsBoundedAndOrdered() throws {
        let rule = try T.rule("""
            failed:
              event: communication.failed
            condition: failed
            """)
        let events = (0..<30).reversed().map { T.event(.communicationFailed, at: TimeInterval($0), source: .line("slm.log", $0 + 1)) }
        let finding = try #require(T.evaluate(rule, events).findings.first)
        #expect(finding.evidence.count == Finding.evidenceLimit)
        #expect(finding.evidenceOmitted == 10)
        #expect(finding.evidence.first?.source == .line("slm.log", 1))
    }

    @Test func findingsAreOrderedBySeverity() throws {
        let low = try T.rule("a:\n  event: communication.failed\ncondition: a", id: "b-low", severity: "low")
        let critical = try T.rule("a:\n  event: communication.failed\ncondition: a", id: "z-critical", severity: "critical")
        let set = RuleSet(rules: [low, critical])
        let evaluation = set.evaluate(RuleEvidence(events: [T.event(.communicationFailed, at: 0)], present: [.cli]))
        #expect(evaluation.findings.map(\.id) == ["z-critical", "b-low"])
        #expect(evaluation.findings.map(\.severity).max() == .critical)
    }

    @Test func findingsEncodeFlatAndRoundTrip() throws {
        let rule = try T.rule("a:\n  event: communication.failed\ncondition: a", id: "flat-sample", severity: "high")
        let finding = try #require(T.evaluate(rule, [T.event(.communicationFailed, at: 0, excerpt: "send error")]).findings.first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(finding)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? String == "flat-sample")
        #expect(object["severity"] as? String == "high")
        #expect(object["rule"] == nil)
        #expect((object["evidence"] as? [[String: Any]])?.first?["label"] as? String == "communication.failed")
        let flat = Finding(
            id: finding.id, rev: finding.rev, kind: finding.kind, title: finding.title, severity: finding.severity,
            confidence: finding.confidence, confidenceNote: finding.confidenceNote, verdict: finding.verdict,
            explain: finding.explain, remediation: finding.remediation, references: finding.references,
            facts: finding.facts, inferences: finding.inferences, affectedVersions: finding.affectedVersions,
            fixedVersions: finding.fixedVersions, matchedSelections: finding.matchedSelections,
            evidence: finding.evidence, evidenceOmitted: finding.evidenceOmitted, firstEvidence: finding.firstEvidence,
            lastEvidence: finding.lastEvidence, missingCorroboration: finding.missingCorroboration,
            collect: finding.collect)
        #expect(flat == finding)
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
    }
}
