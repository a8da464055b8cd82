import Foundation
import LicensingModel
import Testing
@testable import Rules

/// Issue 11's verdict corrections, with the whole shipped rule set run against each fixture (not one rule alone):
/// interception is named as such, with its CA, whether or not the root is in the capture; FN72318 is kept for a
/// product rejecting Cisco's real public chain; `proxy-denied` needs a proxy that answered a CONNECT.
@Suite struct VerdictCorrectionTests {
    static func findings(_ fixture: String) throws -> [Finding] {
        let set = try RuleSet.load(directory: TestSupport.shippedRules)
        let evidence = try RuleFixtures.eventsLoader(TestSupport.shippedRules.appendingPathComponent("tests/\(fixture)"))
        return set.evaluate(evidence).findings
    }

    @Test("interception with the firewall root not in the capture: named, and no FN72318", arguments: [
        "tls-interception/match-private-root-not-sent", "tls-interception/match-private-root",
        "tls-untrusted-ca/nomatch-pkix-with-interception-root-not-sent", "tls-untrusted-ca/nomatch-pkix-with-interception",
    ])
    func interceptionNamesTheCA(_ fixture: String) throws {
        let found = try Self.findings(fixture)
        let interception = try #require(found.first { $0.id == "tls-interception" })
        #expect(interception.verdict.contains("Example Corp SSL Inspection Root"), "\(interception.verdict)")
        #expect(interception.verdict.contains("tools.cisco.com"))
        #expect(!found.contains { $0.id == "tls-untrusted-ca" })
        for f in found { #expect(!f.verdict.contains("FN72318"), "\(f.id): \(f.verdict)") }
    }

    @Test("Cisco's public chain, intermediate not captured: not interception")
    func publicChainIsNotInterception() throws {
        let found = try Self.findings("tls-interception/nomatch-public-chain-root-not-sent")
        #expect(!found.contains { $0.id == "tls-interception" })
    }

    @Test("the product rejecting the real public chain is FN72318, not interception")
    func realChainRejected() throws {
        let found = try Self.findings("tls-untrusted-ca/match-capture-unknown-ca-identrust")
        #expect(found.contains { $0.id == "tls-untrusted-ca" })
        #expect(!found.contains { $0.id == "tls-interception" })
    }

    @Test("proxy-denied names the proxy's answer to the CONNECT, and needs one")
    func proxyDenied() throws {
        let refused = try #require(try Self.findings("proxy-denied/match-connect-403").first { $0.id == "proxy-denied" })
        #expect(refused.verdict.contains("CONNECT to tools.cisco.com:443 with 403 Forbidden"), "\(refused.verdict)")
        #expect(!refused.verdict.contains(VerdictTemplate.unnamed))
        #expect(!(try Self.findings("proxy-denied/nomatch-no-connect-sent")).contains { $0.id == "proxy-denied" })
        #expect(!(try Self.findings("proxy-denied/nomatch-connect-407")).contains { $0.id == "proxy-denied" })
    }

    @Test("verdict templates: first evidence with the field, alternatives, and an honest fallback")
    func template() {
        let items = [
            FindingEvidence(label: "a", source: nil, time: nil, excerpt: nil, fields: ["status": .int(403)]),
            FindingEvidence(label: "b", source: nil, time: nil, excerpt: nil, fields: ["root_issuer": .string("CN=X")]),
        ]
        #expect(VerdictTemplate.fill("root {root_issuer}, {status}", from: items) == "root CN=X, 403")
        #expect(VerdictTemplate.fill("{sni|root_issuer}", from: items) == "CN=X")
        #expect(VerdictTemplate.fill("{sni}", from: items) == VerdictTemplate.unnamed)
        #expect(VerdictTemplate.fill("literal {Not A Field} stays", from: items) == "literal {Not A Field} stays")
        #expect(VerdictTemplate.placeholders(in: "{a|b} and {c}") == ["a", "b", "c"])
    }

    @Test("every placeholder in a shipped verdict names a vocabulary field")
    func placeholdersAreFields() throws {
        let set = try RuleSet.load(directory: TestSupport.shippedRules)
        let known = EventVocabulary.commonFields.union(EventVocabulary.fields.values.flatMap { $0 })
        for rule in set.rules {
            for name in VerdictTemplate.placeholders(in: rule.card.verdict) { #expect(known.contains(name), "\(rule.id): {\(name)}") }
        }
    }

    @Test("not_regex: holds when the pattern is absent from the value, and when the field is absent")
    func notRegex() throws {
        let rule = try TestSupport.rule("a:\n  event: tls.handshake\n  where:\n    root_issuer: {not_regex: 'IdenTrust', ignore_case: true}\ncondition: a")
        #expect(TestSupport.matches(rule, [TestSupport.event(.tlsHandshake, at: 0, ["root_issuer": .string("CN=Corp Root")])]))
        #expect(!TestSupport.matches(rule, [TestSupport.event(.tlsHandshake, at: 0, ["root_issuer": .string("CN=identrust x")])]))
        #expect(TestSupport.matches(rule, [TestSupport.event(.tlsHandshake, at: 0)]))
    }
}
