import Foundation
import Testing
@testable import BundleIngest

/// Overlapping entries (many directory records pointing at one local header) count against the member limit.
@Suite("zip member limit with overlapping entries")
struct ZipMemberLimitTests {
    /// An archive whose central directory repeats its one record `copies` times (all at local header 0).
    static func repeatedDirectory(copies: Int) throws -> [UInt8] {
        var zip = ZipBuilder()
        zip.add("a.log", "hello\n")
        let bytes = zip.build()
        let central = try #require(bytes.indices.first { bytes[$0...].starts(with: [0x50, 0x4b, 0x01, 0x02]) })
        let end = bytes.count - 22
        let record = Array(bytes[central..<end])
        var out = Array(bytes[..<central])
        for _ in 0..<copies { out += record }
        let le16 = DeflateEncoder.littleEndian16
        let le32 = { (v: Int) in DeflateEncoder.littleEndian32(UInt32(truncatingIfNeeded: v)) }
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(copies) + le16(copies)
        out += le32(record.count * copies) + le32(central) + le16(0)
        return out
    }

    @Test("50 records at one header with a limit of 10 members stop the archive, naming the limit")
    func overlappingCount() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let limits = BundleLimits(maxTotalBytes: 1 << 30, maxEntryBytes: 1 << 20, maxCompressionRatio: 200,
                                  ratioGraceBytes: 1 << 20, maxEntries: 10, maxDepth: 3)
        let (path, bundle) = try scratch.open("overlap.zip", Self.repeatedDirectory(copies: 50), limits: limits)
        let archive = try #require(bundle.item(path))
        #expect(archive.status == .partlyUnreadable)
        #expect(archive.reason?.contains("more than 10 archive members") == true, "\(archive.reason ?? "")")
        #expect(bundle.inventory.count <= 12, "the listing itself is capped at the limit")
    }
}
