import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Times the capture reader gives to what it cannot see happen: a server that stops part-way through its first
/// TLS flight, and damage to the file.
struct CaptureTimingTests {
    /// A capture in the shipped `tls-handshake-stalled` rule fixtures.
    static func ruleFixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/tests/tls-handshake-stalled")
            .appendingPathComponent(name).appendingPathComponent("packets.pcap").path
    }

    static func handshakeOutcome(_ fixture: String) throws -> FieldValue? {
        let a = CaptureAnalyzer.analyze(path: ruleFixture(fixture), options: CaptureOptions(displayPath: "packets.pcap"))
        let tls = try #require(a.events(.tlsHandshake).first)
        return tls.fields["outcome"]
    }

    @Test("a ServerHello and then silence while the capture runs past the idle limit is a timeout")
    func serverStopsPartWay() throws {
        #expect(try Self.handshakeOutcome("match-capture-server-stops") == "timeout")
    }

    @Test("a capture that ends right after the ServerHello stays incomplete")
    func captureEndsAfterServerHello() throws {
        #expect(try Self.handshakeOutcome("nomatch-capture-ends-after-serverhello") == "incomplete")
        #expect(try Self.handshakeOutcome("nomatch-capture-ends-at-clienthello") == "incomplete")
    }

    @Test("damage where reading stopped carries the last frame's time, marked as such")
    func readErrorAfterLastFrame() throws {
        var bytes = Scenario.dnsNXDOMAIN()
        bytes.removeLast(5)
        let a = try TestSupport.analyze(bytes)
        let frameOne = try #require(a.events(.dnsQuery).first?.time)
        let damage = try #require(a.events(.captureAnomaly).first { $0.fields["anomaly"] == "read_error" })
        #expect(damage.time == frameOne)
        #expect(damage.fields["time_basis"] == "last_frame_before")
    }

    @Test("damage that reading resumed after takes the time of the last good frame before it, and says so")
    func readErrorMidFile() throws {
        var (bytes, epbs) = PcapngResyncTests.threeFrames()
        bytes.replaceSubrange((epbs[2] - 4)..<epbs[2], with: PcapngBytes.le32(999_996))
        let a = try PcapngResyncTests.analyze(bytes)
        #expect(a.framesRead == 2)
        let damage = try #require(a.events(.captureAnomaly).first { $0.fields["anomaly"] == "read_error" })
        let before = try #require(a.events.first { $0.kind != .captureAnomaly && $0.source.location == .frame(1) })
        #expect(damage.time != nil)
        #expect(damage.time == before.time)
        #expect(damage.fields["time_basis"] == "last_frame_before")
        #expect(damage.fields["offset"] == .int(epbs[1]))
    }

    @Test("damage before any frame has no time, and says so")
    func readErrorBeforeFirstFrame() throws {
        var (bytes, epbs) = PcapngResyncTests.threeFrames()
        bytes.replaceSubrange((epbs[1] - 4)..<epbs[1], with: PcapngBytes.le32(999_996))
        let a = try PcapngResyncTests.analyze(bytes)
        let damage = try #require(a.events(.captureAnomaly).first { $0.fields["anomaly"] == "read_error" })
        #expect(damage.time == nil)
        #expect(damage.fields["time_basis"] == "none")
        #expect(damage.fields["offset"] == .int(epbs[0]))
    }
}
