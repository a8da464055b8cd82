import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Reading through libpcap and the pcapng block reader: byte orders, precisions, link types.
struct ReaderTests {
    @Test func sniffsFormats() {
        #expect(CaptureFormat.sniff([0xD4, 0xC3, 0xB2, 0xA1, 2, 0]) == "pcap")
        #expect(CaptureFormat.sniff([0xA1, 0xB2, 0x3C, 0x4D]) == "pcap")
        #expect(CaptureFormat.sniff([0x0A, 0x0D, 0x0D, 0x0A]) == "pcapng")
        #expect(CaptureFormat.sniff([0x50, 0x4B, 0x03, 0x04]) == nil)
        #expect(CaptureFormat.sniff([0xD4]) == nil)
    }

    @Test func readsBigEndianPcap() throws {
        let a = try TestSupport.analyzeFixture("pptp.pcap")
        #expect(a.framesRead == 23)
        #expect(a.errors.isEmpty)
        #expect(a.reader == "pcap block reader")
        #expect(a.events(.tcpAttempt).first?.fields["outcome"] == "established")
    }

    @Test func readsNanosecondStampsExactly() throws {
        let a = try TestSupport.analyzeFixture("get-to-ssh-server.pcap")
        #expect(a.framesRead == 9)
        let attempt = try #require(a.events(.tcpAttempt).first)
        // The raw time keeps all nine fractional digits from the file.
        #expect(attempt.time?.raw.count == "2026-02-03T13:47:05.123456789Z".count)
        #expect(attempt.time?.assumptions.isEmpty == true)
    }

    @Test func decodesLinuxCookedCapture() throws {
        let a = try TestSupport.analyzeFixture("suricata-verify__security-4710-01__input.pcap")
        #expect(a.framesRead == 12)
        #expect(a.events(.httpRequest).count >= 1)
        #expect(a.events(.httpResponse).first?.fields["status"] == .int(200))
    }

    @Test func decodesRawIPv4AndIPv6LinkTypes() throws {
        let v4 = try TestSupport.analyzeFixture("flow-test-01.pcap")
        #expect(v4.events(.tlsHandshake).first?.fields["sni"] == "www.perdu.com")
        let v6 = try TestSupport.analyzeFixture("LINKTYPE_IPV6.pcap")
        #expect(v6.events(.dnsQuery).count == 1)
        #expect(v6.events(.dnsQuery).first?.fields["server"]?.text.hasPrefix("[") == true)
    }

    @Test func readsMixedLinkTypePcapngThatLibpcapRefuses() throws {
        let a = try TestSupport.analyzeFixture("pcapng-test-generator__le__test006.pcapng")
        #expect(a.framesRead == 5)
        #expect(a.reader.hasPrefix("pcapng block reader (libpcap refused: "))
        #expect(a.errors.isEmpty)
    }

    @Test func sourcesAreOneBasedFramePointersWithDisplayPath() throws {
        let a = try TestSupport.analyzeFixture("dns-udp-nxdomain-soa.pcap")
        let query = try #require(a.events(.dnsQuery).first)
        #expect(query.source.description == "dns-udp-nxdomain-soa.pcap#1")
        #expect(query.time?.raw == "2017-01-27T16:03:18.623093000Z")
        #expect(query.time?.instant == Date(timeIntervalSince1970: 1_485_532_998.623093))
    }

    @Test func pcapngBlockReaderHandlesTsresolAndSections() throws {
        // SHB (LE) + IDB (Ethernet, if_tsresol = 10^-9) + EPB with one UDP DNS query.
        let frame = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                     payload: MessageBuilder.dnsQuery(id: 1, name: "tools.cisco.com"))
        let bytes = PcapngBytes.section(linkType: 1, tsresol: 9, frames: [(frame, 1_700_000_000_123_456_789)])
        let path = try TestSupport.temporaryFile(bytes, name: "x.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        let reader = PcapngBlockReader(path: path, why: "test")
        var times: [Int64] = []
        let errors = reader.forEachFrame { times.append($0.seconds * 1_000_000_000 + $0.nanoseconds) }
        #expect(errors.isEmpty)
        #expect(times == [1_700_000_000_123_456_789])
    }

    @Test("an if_tsresol that cannot be represented is reported, and the frames are still read", arguments: [UInt8(127), 0xFF])
    func pcapngBlockReaderReportsAbsurdTsresol(tsresol: UInt8) throws {
        let frame = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                     payload: MessageBuilder.dnsQuery(id: 1, name: "tools.cisco.com"))
        let bytes = PcapngBytes.section(linkType: 1, tsresol: tsresol, frames: [(frame, 1_700_000_000)])
        let path = try TestSupport.temporaryFile(bytes, name: "absurd-resolution.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        var frames = 0
        let errors = PcapngBlockReader(path: path, why: "test").forEachFrame { _ in frames += 1 }
        #expect(frames == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.reason.contains("out of range") == true)
        #expect(errors.first?.offset == 28, "the interface block's offset, after the 28-byte section header")
    }
}

/// Hand-built pcapng bytes (little-endian).
enum PcapngBytes {
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    static func block(_ type: Int, _ body: [UInt8]) -> [UInt8] {
        let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
        let total = 12 + padded.count
        return le32(type) + le32(total) + padded + le32(total)
    }

    static func section(linkType: Int, tsresol: UInt8, frames: [([UInt8], Int64)]) -> [UInt8] {
        var out = block(0x0A0D_0D0A, [0x4D, 0x3C, 0x2B, 0x1A] + le16(1) + le16(0) + [UInt8](repeating: 0xFF, count: 8))
        let option = le16(9) + le16(1) + [tsresol, 0, 0, 0] + le16(0) + le16(0)
        out += block(1, le16(linkType) + le16(0) + le32(0) + option)
        for (frame, ticks) in frames {
            out += block(6, le32(0) + le32(Int(ticks >> 32)) + le32(Int(ticks & 0xFFFF_FFFF)) + le32(frame.count)
                         + le32(frame.count) + frame)
        }
        return out
    }
}
