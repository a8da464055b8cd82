import Foundation
import Inflate
import LicensingModel
import Testing
@testable import TextIngest

/// The block scan (a log split into blocks scanned on several cores, stitched in file order) gives exactly what
/// the single pass gives: the whole result, every event, line numbers, times, damage, coverage.
@Suite("scanning a log in blocks on several cores")
struct BlockScanTests {
    /// Chunk and block sizes: tiny, so that blocks end everywhere (inside exceptions, in the repeated hour, in the
    /// first 200 lines), and larger than the look back, so that the pre-context is cut as the single pass cuts it.
    static let splits: [(chunk: Int, block: Int)] = [(61, 1), (4_096, 20_000)]

    static func options(zone: String? = nil, maxDamage: Int = 100) throws -> LogIngestOptions {
        var o = TestSupport.options(displayPath: "slm.log", zones: try ZoneResolver(specifications: zone.map { [$0] } ?? []))
        o.maxDamageRecords = maxDamage
        return o
    }

    /// Compares the single pass with block scans of `bytes`; returns the single pass's result.
    @discardableResult
    static func expectSame(
        _ bytes: [UInt8], options: LogIngestOptions, splits: [(chunk: Int, block: Int)] = splits, _ label: String
    ) -> LogIngestResult {
        var last = LogIngestResult()
        for split in splits {
            let single = LogIngester.ingest(bytes: bytes, chunkSize: split.chunk, options: options)
            var o = options
            o.splitBlockBytes = split.block
            let blocks = LogIngester.ingest(bytes: bytes, chunkSize: split.chunk, options: o)
            let where_ = "\(label), chunk \(split.chunk), block \(split.block)"
            #expect(blocks.events == single.events, "\(where_): events")
            #expect(blocks.damage == single.damage, "\(where_): damage")
            #expect(blocks.linesRead == single.linesRead, "\(where_): lines")
            #expect(blocks.bytesRead == single.bytesRead, "\(where_): bytes")
            #expect(blocks.format == single.format, "\(where_): format")
            #expect(blocks.evidenceKinds == single.evidenceKinds, "\(where_): evidence")
            #expect(blocks.firstTime == single.firstTime, "\(where_): first time")
            #expect(blocks.lastTime == single.lastTime, "\(where_): last time")
            last = single
        }
        return last
    }

    @Test("a dense trace across the autumn repeated hour (America/Chicago), exceptions split from their timed line")
    func repeatedHour() throws {
        let r = Self.expectSame(BlockScanTraces.chicagoAutumn(lines: 2_400), options: try Self.options(zone: "America/Chicago"), "autumn")
        // The trace does exercise what it is for: events in both occurrences of the hour, linked exceptions.
        let times = r.events.compactMap { $0.time?.instant }
        #expect(r.events.count > 500)
        #expect(Set(times.map { Int($0.timeIntervalSince1970) / 3600 }).count >= 3)
        #expect(r.events.contains { $0.kind == .communicationFailed && $0.fields["cause"] != nil })
        #expect(r.events.contains { ($0.time?.assumptions ?? []).contains(LogScanner.lookbackNote) })
    }

    @Test("yearless syslog across new year, before and after a dated line")
    func newYear() throws {
        let r = Self.expectSame(BlockScanTraces.yearlessNewYear(), options: try Self.options(), "new year")
        #expect(r.events.count > 300)
    }

    @Test("damage near block ends and past the cap, a line longer than the match limit")
    func damage() throws {
        let text = BlockScanTraces.damaged(BlockScanTraces.chicagoAutumn(lines: 1_500))
        let capped = Self.expectSame(text, options: try Self.options(maxDamage: 7), "damage capped")
        #expect(capped.damage.count == 8)
        Self.expectSame(text, options: try Self.options(maxDamage: 1_000), splits: [(61, 1)], "damage uncapped")
    }

    @Test("CRLF line breaks and a last line without one")
    func lineBreaks() throws {
        let crlf = BlockScanTraces.crlf(BlockScanTraces.chicagoAutumn(lines: 900))
        Self.expectSame(crlf, options: try Self.options(zone: "America/Chicago"), "CRLF")
        Self.expectSame(Array(crlf.dropLast(2)), options: try Self.options(zone: "America/Chicago"), "CRLF, no final break")
        let lf = BlockScanTraces.yearlessNewYear(lines: 900)
        Self.expectSame(Array(lf.dropLast()), options: try Self.options(), "no final newline")
    }

    @Test("every log and text file of the samples")
    func samples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { ($0 as? URL)?.path }
            .filter { $0.contains("/bundle/") && !$0.hasSuffix(".cap") && !$0.hasSuffix(".zip") && !$0.hasSuffix(".tar.gz") }
            .filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue }
            .sorted() ?? []
        #expect(files.count > 50)
        for path in files {
            var reader = try ChunkedFileReader(path: path)
            var bytes: [UInt8] = []
            while let chunk = try reader.next() { bytes += chunk }
            Self.expectSame(bytes, options: TestSupport.options(displayPath: path), splits: [(37, 1), (300, 700)], path)
        }
    }

    @Test("a plain file read by path, forced into blocks")
    func byPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("blockscan-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(BlockScanTraces.chicagoAutumn(lines: 900)).write(to: URL(fileURLWithPath: path))
        var o = try Self.options(zone: "America/Chicago")
        let single = LogIngester.ingest(path: path, options: o)
        o.splitBlockBytes = 1
        let blocks = LogIngester.ingest(path: path, options: o)
        #expect(blocks.events == single.events)
        #expect(blocks.linesRead == single.linesRead && blocks.bytesRead == single.bytesRead)
    }

    @Test("the splitter cuts into many blocks that together hold the file once")
    func splitter() {
        let bytes = BlockScanTraces.chicagoAutumn(lines: 900)
        let text = StreamBlockText(MemoryChunks(bytes: bytes, chunkSize: 100), reserve: 100)
        var splitter = LogBlockSplitter(blockBytes: 1)
        var blocks: [LogBlock] = []
        while let b = splitter.next(from: text) { blocks.append(b) }
        #expect(blocks.count > 100)
        #expect(blocks.last?.isLast == true && blocks.dropLast().allSatisfy { !$0.isLast })
        let joined = blocks.flatMap { $0.bytes[$0.carried...] }
        #expect(joined == bytes)
    }
}
