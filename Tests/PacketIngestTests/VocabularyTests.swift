import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Every event the decoders emit uses a registered kind and registered field names, and ladders use the
/// registered stage names.
struct VocabularyTests {
    static let fixtures = [
        "dns-udp-nxdomain-soa.pcap", "tls-1.2-handshake-failure.pcap", "https-connect.pcap", "tls1.2.pcap", "fuzz.pcap",
        "hrr.pcap", "suricata-verify__security-4710-01__input.pcap", "ticks-dns.pcap",
    ]

    static func allAnalyses() throws -> [CaptureAnalysis] {
        let chain = [try TestSupport.der("certs/leaf-tools.pem"), try TestSupport.der("certs/test-ca.pem")]
        let synthetic = [
            Scenario.dnsNXDOMAIN(), Scenario.tcpFailure(refuse: true), Scenario.proxy407(),
            Scenario.tls(chain: chain, clientAlert: 48), Scenario.satellitePost(), Scenario.proxyTunnelTLS(chain: chain),
        ]
        return try fixtures.map(TestSupport.analyzeFixture) + synthetic.map { try TestSupport.analyze($0) }
    }

    @Test func kindsAndFieldsAreRegistered() throws {
        for analysis in try Self.allAnalyses() {
            for e in analysis.events {
                #expect(e.kind.isKnown, "\(e.kind) is not registered")
                for name in e.fields.keys {
                    #expect(EventVocabulary.allows(name, on: e.kind), "\(name) not allowed on \(e.kind)")
                }
                #expect(e.source.description.contains("#"), "packet events point at frames")
            }
        }
    }

    @Test func ladderStagesAreTheRegisteredOnesInOrder() throws {
        let ladders = try Self.allAnalyses().flatMap(\.ladders)
        #expect(ladders.count >= 6)
        for ladder in ladders {
            let positions = ladder.stages.map { EventVocabulary.ladderStages.firstIndex(of: $0.name) }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        }
    }
}
