import Foundation
import Testing

@testable import PacketIngest

/// Arithmetic on values read from captures: exact where it can be, saturating where it must be.
struct InputArithmeticTests {
    @Test("an HTTP Date in year 99999999999 is not a date (and the offset from it cannot trap)")
    func absurdHTTPYear() {
        let observed = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(HTTPDate.parse("Sun, 06 Nov 99999999999 08:49:37 GMT") == nil)
        #expect(HTTPDate.offsetSeconds("Sun, 06 Nov 99999999999 08:49:37 GMT", observedAt: observed) == nil)
        #expect(HTTPDate.offsetSeconds("Sun, 06 Nov 1994 08:49:37 GMT", observedAt: observed) != nil)
        let far = Date(timeIntervalSince1970: 9.3e18)
        #expect(HTTPDate.offsetSeconds("Sun, 06 Nov 1994 08:49:37 GMT", observedAt: far) == Int.min)
    }

    @Test("if_tsresol 2^-60: the fraction of a second is computed exactly, never a whole 10^9 nanoseconds")
    func fineResolutionIsExact() throws {
        let frame = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                     payload: MessageBuilder.dnsQuery(id: 1, name: "a.example"))
        let ticks = Int64(1) << 60 - 1  // one tick short of a second
        let bytes = PcapngBytes.section(linkType: 1, tsresol: 0x80 | 60, frames: [(frame, ticks)])
        let path = try TestSupport.temporaryFile(bytes, name: "fine.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        var stamps: [(Int64, Int64)] = []
        let errors = PcapngBlockReader(path: path, why: "test").forEachFrame { stamps.append(($0.seconds, $0.nanoseconds)) }
        #expect(errors.isEmpty)
        #expect(stamps.count == 1)
        #expect(stamps.first?.0 == 0)
        #expect(stamps.first?.1 == 999_999_999)
    }
}
