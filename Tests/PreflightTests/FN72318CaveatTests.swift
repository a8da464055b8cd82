import Foundation
@testable import Preflight
import Testing

/// `--cucm-version` and FN72318: releases in the quoted affected list warn, releases read beyond the quote warn as
/// inferred, fixed and unnamed releases do not warn, and an unreadable version says it was not judged.
struct FN72318CaveatTests {
    @Test(arguments: [
        ("12.5(1)SU4", CUCMRelease?.some(.init(major: 12, minor: 5, maintenance: 1, su: 4))),
        ("12.5(1)", .init(major: 12, minor: 5, maintenance: 1, su: 0)),
        ("12.0(1)su3a", .init(major: 12, minor: 0, maintenance: 1, su: 3)),
        ("14SU1", .init(major: 14, minor: nil, maintenance: nil, su: 1)),
        ("14 SU2", .init(major: 14, minor: nil, maintenance: nil, su: 2)),
        ("12.5.1 SU5", .init(major: 12, minor: 5, maintenance: 1, su: 5)),
        ("12.5.1.14900-63", .init(major: 12, minor: 5, maintenance: 1, su: nil)),
        ("14", .init(major: 14, minor: nil, maintenance: nil, su: nil)),
        ("twelve", nil), ("", nil), ("12.5(1)SP4", nil), ("12.5.1.14900-63-1", nil), ("99999999999.1", nil),
    ])
    func releaseForms(text: String, expected: CUCMRelease?) {
        #expect(CUCMRelease(text) == expected)
    }

    @Test func quotedAffectedReleaseWarnsWithTheQuote() throws {
        let text = try #require(PreflightCaveats.fn72318("12.5(1)SU2", host: "tools.cisco.com"))
        #expect(text.contains("CUCM 12.5(1)SU2 is in the field notice's affected list (\"UCM 12.0(1)SU1 … 12.0(1)SU5, 12.5(1), 12.5(1)SU1 … SU4\")"))
        #expect(text.contains("\"CUCM 12.5.1 SU5 or later CUCM 14 SU1 or later\""))
        #expect(!text.contains("inferred"))
        #expect(PreflightCaveats.fn72318("12.0(1)SU5", host: "tools.cisco.com")?.contains("affected list") == true)
    }

    @Test func releasesBeyondTheQuoteWarnAsInferred() throws {
        for version in ["11.5(1)SU9", "14", "14.0(1)", "12.0(1)", "12.0.1.21900-7"] {
            let text = try #require(PreflightCaveats.fn72318(version, host: "tools.cisco.com"), "\(version)")
            #expect(text.contains("[inferred") || text.contains("may be affected"), "\(version): \(text)")
            #expect(!text.contains("is in the field notice's affected list"), "\(version)")
        }
        let build = try #require(PreflightCaveats.fn72318("12.5.1.14900-63", host: "tools.cisco.com"))
        #expect(build.contains("CUCM 12.5(1) (SU level unknown) may be affected: 12.5(1) up to SU4 is affected and SU5 or later is fixed; licscope cannot tell the SU level of 12.5.1.14900-63"))
    }

    @Test func fixedAndUnlistedReleasesDoNotWarn() {
        for version in ["12.5(1)SU5", "12.5.1 SU7", "14SU1", "14.0(1)SU3", "15SU2", "10.5(2)"] {
            #expect(PreflightCaveats.fn72318(version, host: "tools.cisco.com") == nil, "\(version)")
        }
    }

    @Test func unreadableVersionIsNotJudged() throws {
        let text = try #require(PreflightCaveats.fn72318("latest", host: "tools.cisco.com"))
        #expect(text.contains("--cucm-version 'latest' is not a CUCM release licscope can read"))
        #expect(text.contains("was not judged"))
    }

    @Test func preflightRunCarriesTheCaveatForCSSMTargetsOnly() throws {
        let pki = TestPKI.shared
        let base = PreflightIntegrationTests()
        let (server, port) = try LoopbackServers.tls(pki.good)
        defer { server.stop() }
        var o = try base.options("tools.cisco.com", port: port)
        o.cucmVersion = "12.5(1)SU3"
        let r = base.run(o)
        #expect(r.failedStage == nil, "\(r.stages.map(\.summary))")
        let caveat = try #require(r.caveats.first { $0.rule == "tls-untrusted-ca" })
        #expect(caveat.text.hasPrefix("FN72318 (QuoVadis Root CA 2 → IdenTrust Commercial Root CA 1): CUCM 12.5(1)SU3"))
        #expect(PreflightText.render(r).contains("tls-untrusted-ca: FN72318"))
        o.cucmVersion = "12.5(1)SU5"
        #expect(base.run(o).caveats.isEmpty)
        var satellite = try base.options("localhost", port: port)
        satellite.cucmVersion = "12.5(1)SU3"
        #expect(base.run(satellite).caveats.isEmpty)
    }
}
