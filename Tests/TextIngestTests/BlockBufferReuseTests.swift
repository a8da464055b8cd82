import Foundation
import Testing
@testable import TextIngest

/// A thread that scans block after block hands each block's scanner one buffer and takes it back
/// (``LogScanner/scan(_:matcher:path:maxDamage:repeatedHours:spare:)``): the scanner must read into that storage, not
/// a copy of it, or every block allocates a fresh buffer and faults its pages in (about 17,000 page faults more on a
/// 400 MB trace).
@Suite("block scanners reuse their thread's buffer")
struct BlockBufferReuseTests {
    @Test("every block is read into the storage of the spare buffer given, which comes back with it")
    func sameStorage() throws {
        let path = try FileBlockScanTests.file(BlockScanTraces.chicagoAutumn(lines: 900))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PositionalFile(path: path))
        var splitter = LogBlockSplitter(blockBytes: 20_000)
        let text = FileBlockText(file: file, chunkSize: 4_096)
        var blocks: [LogBlock] = []
        while let b = splitter.next(from: text) { blocks.append(b) }
        #expect(blocks.count > 3)
        let matcher = LineMatcher(catalog: try BlockScanTests.options().catalog, keepLineText: true)
        // Room for any block: its carried look-back (at most 64 KiB and a line) and its chunks.
        var spare: [UInt8] = []
        spare.reserveCapacity(1 << 18)
        let storage = spare.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let capacity = spare.capacity
        for (n, block) in blocks.enumerated() {
            let scanned = LogScanner.scan(
                block, matcher: matcher, path: "slm.log", maxDamage: 10, repeatedHours: .init(zone: nil), spare: &spare)
            #expect(!scanned.inputFailed)
            #expect(spare.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == storage, "block \(n)")
            #expect(spare.capacity == capacity, "block \(n)")
        }
    }
}
