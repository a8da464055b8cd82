import Foundation
import Testing
@testable import BundleIngest

/// Zip structures that once trapped or ran unbounded: sizes and offsets near `Int.max`, members inflating past
/// what they declare.
@Suite("hostile zip structures")
struct HostileZipTests {
    /// A one-member ZIP64 archive whose extra field's compressed size and local header offset are `value`.
    static func zip64(compressedSize: Int, offset: Int) -> [UInt8] {
        var zip = ZipBuilder()
        zip.add("a.log", "hello\n")
        var bytes = zip.build(zip64: true)
        // The central directory's extra field: id 1, 24 bytes: uncompressed, compressed, offset (after the name).
        let extraStart = try! #require(bytes.indices.first { bytes[$0...].starts(with: [1, 0, 24, 0]) })
        func put(_ value: Int, at index: Int) {
            for k in 0..<8 { bytes[index + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        }
        put(compressedSize, at: extraStart + 12)
        put(offset, at: extraStart + 20)
        return bytes
    }

    @Test("a ZIP64 compressed size or offset near Int.max is damage, not a trap, and leaves no files behind",
          arguments: [(Int.max - 4, 0), (6, Int.max - 10), (Int.max, Int.max - 40)])
    func sizesNearIntMax(compressed: Int, offset: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, bundle) = try scratch.open("big.zip", Self.zip64(compressedSize: compressed, offset: offset))
        #expect(bundle.item(path) != nil)
        let member = bundle.item(path + "!a.log")
        #expect(member == nil || member?.status != .parsed, "the impossible member is refused or damaged")
        #expect(bundle.inventory.contains { $0.status != .parsed }, "the damage is reported")
        bundle.removeWorkDirectory()
        let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.work)) ?? []
        #expect(left.isEmpty)
    }

    @Test("a member that inflates beyond its declared size is stopped at the declared size, while streaming")
    func inflatesBeyondDeclared() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zeros = 4 << 20
        var zip = ZipBuilder()
        // 4 MiB of zeros in ~16 KB of DEFLATE (ratio ~250 stays under a 1000:1 limit) declared as 1 KB.
        zip.add(.init(name: "liar.log", data: [UInt8](repeating: 0, count: zeros), method: 8,
                      payload: DeflateEncoder.zeros(zeros), declaredSize: 1024))
        let lenient = BundleLimits(maxTotalBytes: 1 << 30, maxEntryBytes: 1 << 30, maxCompressionRatio: 1000,
                                   ratioGraceBytes: 1 << 20, maxEntries: 100, maxDepth: 3)
        let (path, bundle) = try scratch.open("liar.zip", zip.build(), limits: lenient)
        let liar = try #require(bundle.item(path + "!liar.log"))
        #expect(liar.status == .refused)
        #expect(liar.reason?.contains("declared size of 1024 bytes") == true, "\(liar.reason ?? "")")
        #expect(liar.size <= 1024 + 65_536, "stopped while streaming, not after writing everything")
    }

    @Test("the recovery scan of a zip without central directory inflates at most the ratio limit per byte")
    func recoveryScanRatioBound() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zeros = 4 << 20
        var zip = ZipBuilder()
        zip.add(.init(name: "dense.log", data: [UInt8](repeating: 0, count: zeros), method: 8,
                      payload: DeflateEncoder.zeros(zeros), dataDescriptor: true))
        zip.add("after.log", "hello\n")
        var bytes = zip.build()
        // Cut at the central directory: the members can only be found by the local-header scan.
        let central = try #require(bytes.indices.first { bytes[$0...].starts(with: [0x50, 0x4b, 0x01, 0x02]) })
        bytes.removeSubrange(central...)
        let strict = BundleLimits(maxTotalBytes: 1 << 30, maxEntryBytes: 1 << 30, maxCompressionRatio: 100,
                                  ratioGraceBytes: 1 << 20, maxEntries: 100, maxDepth: 3)
        let (path, bundle) = try scratch.open("nocd.zip", bytes, limits: strict)
        let archive = try #require(bundle.item(path))
        #expect(archive.status == .partlyUnreadable)
        let reason = archive.reason ?? ""
        #expect(reason.contains("member at offset 0: compression ratio above 100:1"), "\(reason)")
        #expect(reason.contains("while looking for its end; scan stopped"), "\(reason)")
    }
}
