import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// The pcap block reader against libpcap: the same frames (numbers, times, lengths, bytes, link type) on every
/// classic pcap fixture and on crafted files, and the same damage, at the damaged record's byte offset.
@Suite("pcap block reader")
struct PcapBlockReaderTests {
    /// One frame as a comparable value.
    struct Frame: Equatable {
        var number: Int
        var seconds: Int64
        var nanoseconds: Int64
        var linkType: Int
        var bytes: [UInt8]
        var originalLength: Int

        init(_ f: RawFrame) {
            (number, seconds, nanoseconds, linkType) = (f.number, f.seconds, f.nanoseconds, f.linkType)
            (bytes, originalLength) = (Array(f.bytes), f.originalLength)
        }
    }

    /// The frames and damage of `path` through both readers.
    static func bothReadings(_ path: String) throws -> (ours: [Frame], libpcap: [Frame], ourDamage: [Damage],
                                                       libpcapDamage: [Damage]) {
        let head = try #require(FileManager.default.contents(atPath: path)).prefix(24)
        let ours = try #require(PcapBlockReader.forFile(path: path, head: Array(head)), "the block reader takes \(path)")
        var a: [Frame] = []
        let ourDamage = ours.forEachFrame { a.append(Frame($0)) }
        guard case .success(let libpcap) = LibpcapReader.open(path: path, isPcapng: false) else {
            Issue.record("libpcap refused \(path)")
            return (a, [], ourDamage, [])
        }
        var b: [Frame] = []
        let libpcapDamage = libpcap.forEachFrame { b.append(Frame($0)) }
        return (a, b, ourDamage, libpcapDamage)
    }

    static let fixtures = [
        "LINKTYPE_IPV6.pcap", "dns-udp-nxdomain-soa.pcap", "flow-test-01.pcap", "get-to-ssh-server.pcap", "hrr.pcap",
        "https-connect.pcap", "pptp.pcap", "suricata-verify__security-4710-01__input.pcap", "ticks-dns.pcap",
        "tls-1.2-handshake-failure.pcap", "tls1.2.pcap", "fuzz.pcap",
    ]

    @Test("same frames as libpcap on the fixture", arguments: fixtures)
    func sameFramesAsLibpcap(_ name: String) throws {
        let r = try Self.bothReadings(try TestSupport.fixture(name))
        #expect(!r.ours.isEmpty)
        #expect(r.ours == r.libpcap)
        #expect(r.ourDamage.map(\.reason) == r.libpcapDamage.map(\.reason))
        #expect(r.ourDamage.map(\.frame) == r.libpcapDamage.map(\.frame))
    }

    /// A little- or big-endian pcap with the given header fields and records (seconds, fraction, caplen, length,
    /// bytes present).
    static func pcap(bigEndian: Bool = false, nanosecond: Bool = false, snaplen: UInt32 = 262_144,
                     linkType: UInt32 = 1, records: [(UInt32, UInt32, UInt32, UInt32, [UInt8])]) -> [UInt8] {
        func word(_ v: UInt32) -> [UInt8] {
            let le = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            return bigEndian ? le.reversed() : le
        }
        func half(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        var out = word(nanosecond ? 0xA1B2_3C4D : 0xA1B2_C3D4) + half(2) + half(4) + word(0) + word(0) + word(snaplen)
            + word(linkType)
        for (s, f, cap, len, bytes) in records { out += word(s) + word(f) + word(cap) + word(len) + bytes }
        return out
    }

    static let packet = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                         payload: MessageBuilder.dnsQuery(id: 7, name: "tools.cisco.com"))

    @Test("odd but valid records: seconds and fractions past 2^31, fractions past a second, caplen over the snaplen, both orders")
    func oddRecordsMatchLibpcap() throws {
        let n = UInt32(Self.packet.count)
        for bigEndian in [false, true] {
            for nanosecond in [false, true] {
                let bytes = Self.pcap(bigEndian: bigEndian, nanosecond: nanosecond, snaplen: 40, records: [
                    (0xFFFF_FFF0, 999_999, 20, n, Array(Self.packet.prefix(20))),
                    (1_700_000_000, 0xFFFF_FFFF, 30, 1_000, Array(Self.packet.prefix(30))),
                    (1_700_000_001, 4_000_000, n, n, Self.packet),  // caplen over the snaplen: cut to 40
                    (0x7FFF_FFFF, 1, 0, 0, []),
                ])
                let path = try TestSupport.temporaryFile(bytes)
                defer { TestSupport.removeTemporaryFile(path) }
                let r = try Self.bothReadings(path)
                #expect(r.ours.count == 4)
                #expect(r.ours == r.libpcap, "big-endian \(bigEndian), nanoseconds \(nanosecond)")
                #expect(r.ours[2].bytes.count == 40)
                #expect(r.ourDamage.isEmpty && r.libpcapDamage.isEmpty)
            }
        }
    }

    /// Reads `bytes` with both readers; returns our damage after checking the frames and messages agree.
    static func damage(_ bytes: [UInt8]) throws -> (frames: Int, damage: [Damage]) {
        let path = try TestSupport.temporaryFile(bytes)
        defer { TestSupport.removeTemporaryFile(path) }
        let r = try bothReadings(path)
        #expect(r.ours == r.libpcap)
        #expect(r.ourDamage.map(\.reason) == r.libpcapDamage.map(\.reason))
        return (r.ours.count, r.ourDamage)
    }

    @Test("truncated record data: damage at the record's offset, libpcap's message, earlier frames kept")
    func truncatedRecord() throws {
        let n = UInt32(Self.packet.count)
        let whole = Self.pcap(records: [(1, 0, n, n, Self.packet), (2, 0, n, n, Self.packet)])
        let r = try Self.damage(Array(whole.dropLast(5)))
        #expect(r.frames == 1)
        let e = try #require(r.damage.first)
        #expect(e.offset == 24 + 16 + Int(n))
        #expect(e.frame == 2)
        #expect(e.reason == "truncated dump file; tried to read \(n) captured bytes, only got \(n - 5)")
    }

    @Test("after a record libpcap cut to the snapshot length, its damage offsets are the file's, as ours")
    func libpcapOffsetsAfterACutRecord() throws {
        let n = UInt32(Self.packet.count)
        let whole = Self.pcap(snaplen: 40, records: [(1, 0, n, n, Self.packet), (2, 0, n, n, Self.packet)])
        let path = try TestSupport.temporaryFile(Array(whole.dropLast(5)))
        defer { TestSupport.removeTemporaryFile(path) }
        let r = try Self.bothReadings(path)
        let secondRecord = 24 + 16 + Int(n)
        #expect(r.ourDamage.map(\.offset) == [secondRecord])
        #expect(r.libpcapDamage.map(\.offset) == [secondRecord])
    }

    @Test("the modified pcap format (24-byte record headers), read by libpcap: damage at the record's offset")
    func libpcapOffsetsInTheModifiedFormat() throws {
        let n = UInt32(Self.packet.count)
        var bytes = Self.pcap(records: [])
        bytes.replaceSubrange(0..<4, with: [0x34, 0xCD, 0xB2, 0xA1])  // A1B2CD34, little-endian
        for second: UInt32 in [1, 2] {
            let word = { (v: UInt32) in [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
            bytes += word(second) + word(0) + word(n) + word(n) + [UInt8](repeating: 0, count: 8) + Self.packet
        }
        let path = try TestSupport.temporaryFile(Array(bytes.dropLast(5)))
        defer { TestSupport.removeTemporaryFile(path) }
        let a = CaptureAnalyzer.analyze(path: path, options: CaptureOptions())
        #expect(a.framesRead == 1)
        #expect(a.errors.map(\.offset) == [24 + 24 + Int(n)])
    }

    @Test("truncated record header: damage at its offset")
    func truncatedHeader() throws {
        let n = UInt32(Self.packet.count)
        let whole = Self.pcap(records: [(1, 0, n, n, Self.packet)])
        let r = try Self.damage(whole + [1, 2, 3, 4, 5, 6, 7])
        #expect(r.frames == 1)
        #expect(r.damage.first?.offset == whole.count)
        #expect(r.damage.first?.reason == "truncated dump file; tried to read 16 header bytes, only got 7")
    }

    @Test("absurd caplen: damage at the record's offset, nothing allocated for it, earlier frames kept")
    func absurdCaplen() throws {
        let n = UInt32(Self.packet.count)
        let r = try Self.damage(Self.pcap(records: [(1, 0, n, n, Self.packet), (2, 0, 0xFFFF_FFF0, 60, Self.packet)]))
        #expect(r.frames == 1)
        #expect(r.damage.first?.offset == 24 + 16 + Int(n))
        #expect(r.damage.first?.frame == 2)
        #expect(r.damage.first?.reason.contains("invalid packet capture length 4294967280") == true)
    }

    @Test("a truncated record past the snapshot length: libpcap's wording for the cut read")
    func truncatedPastSnapshot() throws {
        let n = UInt32(Self.packet.count)
        let r = try Self.damage(Self.pcap(snaplen: 40, records: [(1, 0, n, n, Array(Self.packet.prefix(30)))]))
        #expect(r.frames == 0)
        #expect(r.damage.first?.offset == 24)
    }

    @Test("records spanning block boundaries are read whole")
    func spansBlocks() throws {
        let big = [UInt8](repeating: 0xAB, count: 200_000)
        let records = (0..<12).map { (UInt32($0), UInt32(0), UInt32(big.count), UInt32(big.count), big) }
        let r = try Self.damage(Self.pcap(records: records))
        #expect(r.frames == 12)
        #expect(r.damage.isEmpty)
    }

    @Test("headers it does not read exactly stay with libpcap")
    func declinesOtherHeaders() {
        let ok = Self.pcap(records: [])
        #expect(PcapBlockReader.parseHeader(ok) != nil)
        var old = ok
        old[6] = 3  // version 2.3: libpcap may swap caplen and len
        #expect(PcapBlockReader.parseHeader(old) == nil)
        #expect(PcapBlockReader.parseHeader(Self.pcap(linkType: 147, records: [])) == nil)
        #expect(PcapBlockReader.parseHeader(Array(ok.prefix(20))) == nil)
        #expect(PcapBlockReader.parseHeader(Self.pcap(linkType: 101, records: []))?.linkType == 12)
    }

    @Test("the analyzer uses it for classic pcap")
    func analyzerUsesIt() throws {
        let a = try TestSupport.analyzeFixture("pptp.pcap")
        #expect(a.reader == "pcap block reader")
        #expect(a.framesRead == 23)
    }
}
