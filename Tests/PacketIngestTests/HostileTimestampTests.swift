import Foundation
import LicensingModel
@testable import PacketIngest
import Testing

/// Timestamps read from a capture can be anything: none of them may trap on the way to the trust-store check,
/// the flow table or the event text.
@Suite("hostile capture timestamps")
struct HostileTimestampTests {
    /// The frames of a little-endian microsecond pcap, in order.
    static func frames(ofPcap bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            let length = (0..<4).reduce(0) { $0 | Int(bytes[offset + 8 + $1]) << (8 * $1) }
            out.append(Array(bytes[(offset + 16)..<(offset + 16 + length)]))
            offset += 16 + length
        }
        return out
    }

    @Test("if_tsresol 2^-1 and maximal timestamps on a TLS flow with certificates: analyzed, no trap")
    func coarseResolutionMaximalTicks() throws {
        let chain = [try TestSupport.der("certs/leaf-tools.pem"), try TestSupport.der("certs/test-ca.pem")]
        let frames = Self.frames(ofPcap: Scenario.tls(chain: chain, clientAlert: 48))
        #expect(frames.count > 5)
        // 0x81 = 2^-1 s per tick; ticks -1 = 0xFFFF_FFFF_FFFF_FFFF, about 2^63 seconds.
        let bytes = PcapngBytes.section(linkType: 1, tsresol: 0x81, frames: frames.map { ($0, -1) })
        let analysis = try TestSupport.analyze(bytes)
        #expect(analysis.framesRead == frames.count)
        #expect(!analysis.events(.tlsHandshake).isEmpty, "the handshake (and its certificate check) was reached")
    }

    @Test("a frame time far from the epoch converts to a frame time within years 1…9999")
    func clampedConversion() {
        let far = FrameTime(date: Date(timeIntervalSince1970: 9.3e18))
        #expect(far.seconds == 253_402_300_799)
        let before = FrameTime(date: Date(timeIntervalSince1970: -9.3e18))
        #expect(before.seconds == -62_135_596_800)
        #expect(FrameTime(seconds: .max, nanoseconds: 0).milliseconds(to: FrameTime(seconds: .min, nanoseconds: 0)) < 0)
    }
}
