import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// A plain file split by path (``FileBlockText``): the splitting thread only measures chunks and peeks at a few bytes,
/// each block's scanner reads its own text into a reused buffer. The blocks must be the ones the splitter hands out
/// when it reads the text itself, their text the file's, and the scan the single pass's.
@Suite("blocks of a plain file read by their scanners")
struct FileBlockScanTests {
    /// The generated edge-case traces of ``BlockScanTests``, with the zone each is read in.
    static func traces() -> [(label: String, bytes: [UInt8], zone: String?, maxDamage: Int)] {
        let autumn = BlockScanTraces.chicagoAutumn(lines: 1_500)
        let crlf = BlockScanTraces.crlf(BlockScanTraces.chicagoAutumn(lines: 900))
        return [
            ("autumn", autumn, "America/Chicago", 100),
            ("new year", BlockScanTraces.yearlessNewYear(), nil, 100),
            ("damage capped", BlockScanTraces.damaged(autumn), nil, 7),
            ("CRLF", crlf, "America/Chicago", 100),
            ("CRLF, no final break", Array(crlf.dropLast(2)), "America/Chicago", 100),
            ("no final newline", Array(BlockScanTraces.yearlessNewYear(lines: 900).dropLast()), nil, 100),
        ]
    }

    /// (chunk, block) sizes: tiny (blocks end everywhere) and past the look-back (the carried text is cut).
    static let splits: [(chunk: Int, block: Int)] = [(61, 1), (4_096, 20_000)]

    /// Writes `bytes` to a new temporary file and returns its path.
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fileblock-\(UUID().uuidString).log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What a scanner reads for `block`: its carried text, then its chunks.
    static func text(of block: LogBlock) throws -> [UInt8] {
        var out: [UInt8] = []
        try block.appendCarried(to: &out)
        var chunks = block.chunks()
        while try chunks.append(to: &out) > 0 {}
        return out
    }

    @Test("the blocks cut by measuring the file equal the blocks cut by reading it, byte for byte")
    func sameBlocks() throws {
        for trace in Self.traces() {
            let path = try Self.file(trace.bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try #require(PositionalFile(path: path))
            for split in Self.splits {
                let label = "\(trace.label), chunk \(split.chunk), block \(split.block)"
                let measured = FileBlockText(file: file, chunkSize: split.chunk)
                let read = StreamBlockText(MemoryChunks(bytes: trace.bytes, chunkSize: split.chunk), reserve: split.chunk)
                var fromFile = LogBlockSplitter(blockBytes: split.block)
                var fromBytes = LogBlockSplitter(blockBytes: split.block)
                var count = 0
                while true {
                    let a = fromFile.next(from: measured)
                    let b = fromBytes.next(from: read)
                    guard let a, let b else {
                        #expect(a == nil && b == nil, "\(label): both end at block \(count)")
                        break
                    }
                    #expect(a.file != nil && a.bytes.isEmpty, "\(label): a file block holds no bytes")
                    #expect(a.start == b.start && a.carried == b.carried && a.scanFrom == b.scanFrom, "\(label) #\(count)")
                    #expect(a.chunkSizes == b.chunkSizes && a.sampleLeft == b.sampleLeft && a.isLast == b.isLast, "\(label) #\(count)")
                    #expect(try Self.text(of: a) == b.bytes, "\(label) #\(count): text")
                    count += 1
                }
                #expect(count > (split.block == 1 ? 20 : 2), "\(label): \(count) blocks")
            }
        }
    }

    @Test("the block scan of the file, scanners reading their blocks into reused buffers, is the single pass")
    func sameScan() throws {
        for trace in Self.traces() {
            let path = try Self.file(trace.bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try #require(PositionalFile(path: path))
            let options = try BlockScanTests.options(zone: trace.zone, maxDamage: trace.maxDamage)
            for split in Self.splits {
                let label = "\(trace.label), chunk \(split.chunk), block \(split.block)"
                let single = LogIngester.ingest(bytes: trace.bytes, chunkSize: split.chunk, options: options)
                var events: [Event] = []
                let blocks = LogIngester.stream(
                    blocksOf: FileBlockText(file: file, chunkSize: split.chunk), blockBytes: split.block,
                    display: "slm.log", options: options, modificationTime: options.modificationTime
                ) { events.append($0) }
                #expect(events == single.events, "\(label): events")
                #expect(blocks.damage == single.damage, "\(label): damage")
                #expect(blocks.linesRead == single.linesRead && blocks.bytesRead == single.bytesRead, "\(label): lines")
                #expect(blocks.format == single.format && blocks.evidenceKinds == single.evidenceKinds, "\(label)")
                #expect(blocks.firstTime == single.firstTime && blocks.lastTime == single.lastTime, "\(label): times")
            }
        }
    }

    @Test("a file that shrinks after its blocks are cut: the scan of the block it hits says so and stops")
    func shrunk() throws {
        let bytes = BlockScanTraces.chicagoAutumn(lines: 900)
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(PositionalFile(path: path))
        var splitter = LogBlockSplitter(blockBytes: 20_000)
        let text = FileBlockText(file: file, chunkSize: 4_096)
        var blocks: [LogBlock] = []
        while let b = splitter.next(from: text) { blocks.append(b) }
        #expect(blocks.count > 3)
        let cut = blocks[2].start + blocks[2].carried + 100
        #expect(truncate(path, off_t(cut)) == 0)
        let options = try BlockScanTests.options()
        let matcher = LineMatcher(catalog: options.catalog, keepLineText: true)
        var spare: [UInt8] = []
        let scan = { (b: LogBlock) in
            LogScanner.scan(b, matcher: matcher, path: "slm.log", maxDamage: 10, repeatedHours: .init(zone: nil), spare: &spare)
        }
        #expect(!scan(blocks[1]).inputFailed)
        let hit = scan(blocks[2])
        #expect(hit.inputFailed)
        #expect(hit.damage.contains { "\($0)".contains("read failed at byte \(cut): the file ended early") })
        // A block whose carried text is gone stops before its first line.
        let gone = scan(blocks[3])
        #expect(gone.inputFailed && gone.lines == 0 && gone.damage.count == 1)
    }
}
