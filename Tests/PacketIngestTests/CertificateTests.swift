import Foundation
import LicensingModel
import PacketIngest
import Testing
import X509Inspect

/// OpenSSL-backed certificate parsing and chain verdicts at an injected time, and how they reach events and ladders.
struct CertificateTests {
    /// 2027-01-01, inside the test leaf's validity (2026-11-30 … 2036-11-27).
    static let inside = Date(timeIntervalSince1970: 1_798_761_600)

    @Test func parsesLeafFields() throws {
        let info = try #require(CertificateParser.parse(der: try TestSupport.der("certs/leaf-tools.pem")))
        #expect(info.subject == "CN=tools.cisco.com,O=licscope tests")
        #expect(info.issuer == "CN=licscope Test Root CA,O=licscope tests")
        #expect(info.subjectAltDNSNames == ["tools.cisco.com"])
        #expect(info.serialHex == "3D4AF13521DAB3222F6063B4E6EE1880C3F2F3F1")
        #expect(info.sha256Hex == "084a90f27bdaa194d8c6e2b166e57c26072a26a54bf9fe9f703d68230a1243b1")
        #expect(info.notAfter == Date(timeIntervalSince1970: 2_111_402_627))  // 2036-11-27T12:43:47Z
        #expect(!info.isSelfIssued)
        #expect(CertificateParser.parse(der: [0x30, 0x03, 0x02, 0x01]) == nil)
    }

    @Test func bundledAnchorsLoad() {
        let subjects = TrustAnchors.bundled.map(\.info.subject)
        #expect(subjects.count == 4)
        #expect(subjects.contains("CN=IdenTrust Commercial Root CA 1,O=IdenTrust,C=US"))
        #expect(subjects.contains("CN=QuoVadis Root CA 2,O=QuoVadis Limited,C=BM"))
    }

    @Test func verdicts() throws {
        let leaf = try TestSupport.der("certs/leaf-tools.pem")
        let ca = try TestSupport.der("certs/test-ca.pem")
        let caPEM = try TestSupport.text("certs/test-ca.pem")
        func verdict(_ chain: [[UInt8]], _ host: String = "tools.cisco.com", at: Date = Self.inside, extra: [String] = [])
            -> ChainVerdict?
        {
            ChainVerifier.verify(chainDER: chain, host: host, at: at, extraAnchorsPEM: extra)?.verdict
        }
        #expect(verdict([leaf, ca]) == .untrustedRoot)
        #expect(verdict([leaf]) == .incomplete)
        #expect(verdict([leaf, ca], extra: [caPEM]) == .trusted)
        #expect(verdict([leaf], extra: [caPEM]) == .trusted)
        #expect(verdict([leaf], "smartreceiver.cisco.com", extra: [caPEM]) == .nameMismatch)
        #expect(verdict([leaf], at: Date(timeIntervalSince1970: 2_200_000_000), extra: [caPEM]) == .expired)
        #expect(verdict([leaf], at: Date(timeIntervalSince1970: 1_700_000_000), extra: [caPEM]) == .notYetValid)
        #expect(ChainVerifier.verify(chainDER: [[1, 2, 3]], host: nil, at: Self.inside) == nil)
    }

    @Test func interceptionHints() throws {
        let leaf = try TestSupport.der("certs/leaf-tools.pem")
        let caPEM = try TestSupport.text("certs/test-ca.pem")
        let viaCustomerCA = try #require(ChainVerifier.verify(chainDER: [leaf], host: "tools.cisco.com", at: Self.inside,
                                                              extraAnchorsPEM: [caPEM]))
        #expect(viaCustomerCA.anchoredByExtraCA)
        #expect(viaCustomerCA.interceptionHint?.contains("--ca-file") == true)
        let firewall = [try TestSupport.der("certs/leaf-intercepted.pem"), try TestSupport.der("certs/fortigate-ca.pem")]
        let fw = try #require(ChainVerifier.verify(chainDER: firewall, host: "tools.cisco.com", at: Self.inside))
        #expect(fw.verdict == .untrustedRoot)
        #expect(fw.interceptionHint?.contains("inspection product") == true)
        #expect(fw.rootIssuer == "CN=FortiGate CA,O=Fortinet")
    }

    @Test func clientRejectsChainWithUnknownCA() throws {
        let chain = [try TestSupport.der("certs/leaf-tools.pem"), try TestSupport.der("certs/test-ca.pem")]
        let a = try TestSupport.analyze(Scenario.tls(chain: chain, clientAlert: 48))
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["sni"] == "tools.cisco.com")
        #expect(tls.fields["outcome"] == "client_alert")
        #expect(tls.fields["alert"] == "unknown_ca")
        #expect(tls.fields["alert_level"] == "fatal")
        #expect(tls.fields["alert_sender"] == "client")
        #expect(tls.fields["chain_verdict"] == "untrusted_root")
        #expect(tls.fields["leaf_issuer"] == "CN=licscope Test Root CA,O=licscope tests")
        #expect(tls.fields["versions"] == .list(["TLS 1.3", "TLS 1.2"]))
        let ladder = try #require(a.ladders.first)
        #expect(ladder.ladderText == "tcp✓ tls✓(TLS 1.2) certificate✗(unknown_ca)")
        #expect(ladder.failedStage == "certificate")
        #expect(ladder.failure?.contains("untrusted_root") == true)
        let attempt = try #require(a.events(.connectivityAttempt).first)
        #expect(attempt.fields["stage_reached"] == "tls")
        #expect(attempt.fields["failed_stage"] == "certificate")
    }

    @Test func caFileMakesTheSameChainTrusted() throws {
        let chain = [try TestSupport.der("certs/leaf-tools.pem"), try TestSupport.der("certs/test-ca.pem")]
        let a = try TestSupport.analyze(Scenario.tls(chain: chain, clientAlert: nil),
                                        caPEM: [try TestSupport.text("certs/test-ca.pem")])
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["chain_verdict"] == "trusted")
        #expect(tls.fields["chain_detail"]?.text.contains("interception suspected") == true)
    }

    @Test func corpusChainWithSelfSignedRoot() throws {
        let a = try TestSupport.analyzeFixture("tls1.2.pcap")
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["chain_verdict"] == "untrusted_root")
        #expect(tls.fields["root_issuer"]?.text.hasPrefix("CN=AddTrust External CA Root") == true)
        #expect(a.flows.first?.certificateSerials.count == 3)
    }
}
