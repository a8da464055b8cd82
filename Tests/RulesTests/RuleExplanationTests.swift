import Foundation
import LicensingModel
import Testing
@testable import Rules

/// The text `licscope analyze --explain ID` prints: which selection failed and why.
@Suite struct RuleExplanationTests {
    typealias T = TestSupport

    static let proxyRule = """
        proxy_443:
          description: proxy transport on port 443
          event: transport.configured
          where:
            proxy_port: 443
        failing:
          event: communication.failed
        condition: proxy_443 and failing
        """

    @Test func namesTheFailedSelectionAndTheValuesSeen() throws {
        let rule = try T.rule(Self.proxyRule, id: "proxy-sample")
        let events = [
            T.event(.transportConfigured, at: 0, ["mode": "proxy", "proxy_port": 8080]),
            T.event(.communicationFailed, at: 10, ["reason": "Communication message send error"]),
        ]
        let explanation = try #require(T.evaluate(rule, events).explanation(for: "proxy-sample"))
        #expect(explanation.text == """
            rule proxy-sample rev 2: Sample proxy-sample
            outcome: not matched
            condition: proxy_443 and failing
              [ ] proxy_443: proxy transport on port 443
                  1 transport.configured event(s), none matched: 1 failed proxy_port equals '443' (values seen: '8080')
              [x] failing: event communication.failed
                  1 of 1 communication.failed event(s) matched
            failed selection(s): proxy_443
            """)
    }

    @Test func saysWhenOrderingNotSelectionsFailed() throws {
        let rule = try T.rule("""
            a:
              event: communication.failed
            b:
              event: communication.restored
            condition: a followed by b within 1m
            """, id: "order-sample")
        let events = [T.event(.communicationRestored, at: 0), T.event(.communicationFailed, at: 30)]
        let explanation = try #require(T.evaluate(rule, events).explanation(for: "order-sample"))
        #expect(explanation.outcome == .notMatched)
        #expect(explanation.text.hasSuffix(
            "every selection matched, but their order, window or count did not satisfy the condition"))
    }

    @Test func notEvaluatedListsWhatToCollect() throws {
        let rule = try T.rule(Self.proxyRule, id: "proxy-sample", requires: "[capture]")
        let explanation = try #require(T.evaluate(rule, [], present: [.cli]).explanation(for: "proxy-sample"))
        #expect(explanation.outcome == .notEvaluated(missing: [.capture]))
        #expect(explanation.text.contains("outcome: not evaluated — the evidence lacks capture"))
        #expect(explanation.text.contains("collect: \(EvidenceKind.capture.collectHint)"))
    }

    @Test func emptyEvidenceIsExplainedPerSelection() throws {
        let rule = try T.rule("""
            expired:
              state: authorization
              value: AUTHORIZATION EXPIRED
            gap:
              entitlements:
                lower: {status: OutOfCompliance}
                higher: {status: InCompliance}
            condition: expired or gap
            """, id: "empty-sample")
        let text = try #require(T.evaluate(rule, []).explanation(for: "empty-sample")).text
        #expect(text.contains("the engine derived no authorization state from the evidence"))
        #expect(text.contains("no license usage rows in the evidence"))
    }

    @Test func matchedRulesSayMatched() throws {
        let rule = try T.rule(Self.proxyRule, id: "proxy-sample")
        let events = [
            T.event(.transportConfigured, at: 0, ["mode": "proxy", "proxy_port": 443]),
            T.event(.communicationFailed, at: 10),
        ]
        let explanation = try #require(T.evaluate(rule, events).explanation(for: "proxy-sample"))
        #expect(explanation.outcome == .matched)
        #expect(explanation.selections.allSatisfy { $0.matched })
    }
}
