import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// pcapng blocks whose trailing total length differs from the leading one are damage at their offset, and
/// reading resumes at the next intact block; the per-file time limit ends reading as damage at the offset reached.
struct PcapngResyncTests {
    static let frame = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                        payload: MessageBuilder.dnsQuery(id: 1, name: "a.example"))

    /// A section with three identical EPBs; returns the bytes and the offset of each EPB.
    static func threeFrames() -> (bytes: [UInt8], epbs: [Int]) {
        let bytes = PcapngBytes.section(linkType: 1, tsresol: 6, frames: [(frame, 1), (frame, 2), (frame, 3)])
        let epbLength = (bytes.count - 28 - 32) / 3  // SHB 28 bytes, IDB 32 bytes (with its if_tsresol option)
        return (bytes, (0..<3).map { 28 + 32 + $0 * epbLength })
    }

    static func analyze(_ bytes: [UInt8], timeLimit: Duration? = .seconds(600)) throws -> CaptureAnalysis {
        let path = try TestSupport.temporaryFile(bytes, name: "t.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        return CaptureAnalyzer.analyze(path: path, options: CaptureOptions(displayPath: "t.pcapng", timeLimit: timeLimit))
    }

    @Test("an EPB whose trailer disagrees with its header is damage at its offset; the next EPB is still read")
    func packetBlockTrailerMismatch() throws {
        var (bytes, epbs) = Self.threeFrames()
        bytes.replaceSubrange((epbs[2] - 4)..<epbs[2], with: PcapngBytes.le32(999_996))  // EPB 2's trailer
        let a = try Self.analyze(bytes)
        #expect(a.framesRead == 2, "frames 1 and 3 (the damaged block is skipped)")
        let e = try #require(a.errors.first)
        #expect(e.offset == epbs[1])
        #expect(e.reason.contains("in its trailer"))
        #expect(e.reason.contains("resumed at the next intact block, offset \(epbs[2])"))
        #expect(a.isPartlyUnreadable)
        #expect(a.events(.dnsQuery).count == 2)
    }

    @Test("a section header whose trailer disagrees (libpcap reads it silently) is damage at offset 0")
    func sectionHeaderTrailerMismatch() throws {
        var (bytes, _) = Self.threeFrames()
        bytes.replaceSubrange(24..<28, with: PcapngBytes.le32(32))
        let a = try Self.analyze(bytes)
        let e = try #require(a.errors.first)
        #expect(e.offset == 0)
        #expect(e.reason.contains("block total length 28 in its header but 32 in its trailer"))
        #expect(a.reader == "pcapng block reader (libpcap not used: it does not check the section header's trailing length)")
        // The section's byte order came from its header; the IDB after it is found again and frames are read.
        #expect(a.framesRead == 3)
        #expect(a.isPartlyUnreadable)
    }

    @Test("an absurd length in the middle: damage, then the following blocks")
    func absurdLengthResyncs() throws {
        var (bytes, epbs) = Self.threeFrames()
        bytes.replaceSubrange((epbs[0] + 4)..<(epbs[0] + 8), with: PcapngBytes.le32(0x7FFF_FFF0))
        let a = try Self.analyze(bytes)
        #expect(a.framesRead == 2)
        #expect(a.errors.first?.offset == epbs[0])
        #expect(a.errors.first?.reason.contains("absurd block length") == true)
    }

    @Test("garbage after the last block: one damage line, nothing invented")
    func garbageTail() throws {
        var (bytes, _) = Self.threeFrames()
        let end = bytes.count
        // Plausible-looking headers (EPB type, length 12) whose trailers never match, every 8 bytes.
        for _ in 0..<20_000 { bytes += PcapngBytes.le32(6) + PcapngBytes.le32(12) }
        let a = try Self.analyze(bytes)
        #expect(a.framesRead == 3)
        #expect(a.errors.count == 1)
        #expect(a.errors.first?.offset == end)
        #expect(a.errors.first?.reason.contains("no intact block after it") == true)
    }

    @Test("many damaged blocks: the first 64 listed, the rest counted")
    func damageIsCapped() throws {
        let bad = PcapngBytes.le32(6) + PcapngBytes.le32(16) + PcapngBytes.le32(0) + PcapngBytes.le32(20)
        var (bytes, _) = Self.threeFrames()
        for _ in 0..<100 { bytes += bad + PcapngBytes.block(5, PcapngBytes.le32(0)) }  // a bad EPB, then an ISB
        let a = try Self.analyze(bytes)
        #expect(a.framesRead == 3)
        #expect(a.errors.count == CaptureDamageLog.cap + 1)
        #expect(a.errors.last?.reason.contains("36 more damaged records") == true)
    }

    @Test("the per-file time limit stops reading as damage at the offset reached (pcap and pcapng)")
    func timeLimit() throws {
        let (ng, epbs) = Self.threeFrames()
        let a = try Self.analyze(ng, timeLimit: .zero)
        #expect(a.framesRead == 0 || a.framesRead == 1)
        let e = try #require(a.errors.first { $0.reason.hasPrefix("per-file time limit of 0 s reached") })
        #expect(e.offset == 28 || e.offset == epbs[1])
        #expect(a.isPartlyUnreadable)

        var pcap = PcapWriter()
        for i in 0..<3 { pcap.add(Self.frame, microseconds: 1_700_000_000_000_000 + Int64(i)) }
        let classic = try TestSupport.analyze(pcap.bytes)
        #expect(classic.framesRead == 3 && classic.errors.isEmpty)
        let path = try TestSupport.temporaryFile(pcap.bytes)
        defer { TestSupport.removeTemporaryFile(path) }
        let stopped = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(timeLimit: .zero))
        #expect(stopped.framesRead == 1)
        #expect(stopped.errors.first?.offset == 24 + 16 + Self.frame.count)
        #expect(stopped.errors.first?.reason.contains("the rest of the file was not read") == true)
    }

    @Test("an interface block without options: its trailer is not read as an option (no warning)")
    func interfaceWithoutOptions() throws {
        var bytes = PcapngBytes.block(0x0A0D_0D0A, [0x4D, 0x3C, 0x2B, 0x1A] + PcapngBytes.le16(1) + PcapngBytes.le16(0)
            + [UInt8](repeating: 0xFF, count: 8))
        bytes += PcapngBytes.block(1, PcapngBytes.le16(1) + PcapngBytes.le16(0) + PcapngBytes.le32(0))
        bytes += PcapngBytes.block(6, PcapngBytes.le32(0) + PcapngBytes.le32(0) + PcapngBytes.le32(1_000_000)
            + PcapngBytes.le32(Self.frame.count) + PcapngBytes.le32(Self.frame.count) + Self.frame)
        let path = try TestSupport.temporaryFile(bytes, name: "plain.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        var frames = 0
        let errors = PcapngBlockReader(path: path, why: "test").forEachFrame { _ in frames += 1 }
        #expect(errors.isEmpty, "\(errors)")
        #expect(frames == 1)
    }
}
