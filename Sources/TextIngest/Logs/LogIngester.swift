import Foundation
import Inflate
import LicensingModel

extension ChunkedFileReader: LogChunkSource {}

/// Reads License Manager traces, Smart Agent / Call Home syslog, RTMT alert lines, `utils service list` output and
/// `show license trace|tech support` dumps into timeline events, through the message catalog.
///
/// Gzip'd files (`slm.log.1.gz`) are read through zlib by content, not by name. Never throws: unreadable parts
/// become ``Damage`` and everything readable is still used.
public enum LogIngester {
    /// The decompressed chunk size (small enough for the copy and the scan to stay in the L2 cache).
    static let chunkSize = 1 << 20
    /// The largest decompressed size accepted from one gzip file.
    static let maxDecompressedBytes = 8 << 30
    /// A .gz log inflating beyond this ratio (past 1 MiB) is a bomb: reading stops there, reported as damage.
    static let maxCompressionRatio = 200

    /// Ingests one file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - options: zones, year hints, display path and catalog.
    /// - Returns: events in file order (in order of first occurrence, repeats folded in, with
    ///   ``LogIngestOptions/foldRepeats``), with damage, coverage and format.
    public static func ingest(path: String, options: LogIngestOptions) -> LogIngestResult {
        collecting(options) { sink in stream(path: path, options: options, sink: sink) }
    }

    /// The events `run` hands to its sink, held as ``ingest(path:options:)`` holds them: repeats folded in with
    /// ``LogIngestOptions/foldRepeats``, else each interned.
    private static func collecting(
        _ options: LogIngestOptions, _ run: ((Event) -> Void) -> LogIngestResult
    ) -> LogIngestResult {
        var events: [Event] = []
        var folder = EventFolder(interning: true)
        var interner = EventInterner()
        var result = run { event in
            if options.foldRepeats { folder.add(event) } else { events.append(interner.intern(event)) }
        }
        result.events = options.foldRepeats ? folder.events : events
        return result
    }

    /// Reads one file and hands each event to `sink` as soon as it is settled, in file order, without holding
    /// the file's events (``LogIngestResult/events`` stays empty). Memory is bounded by a chunk, except for a
    /// file whose first stamps print no year and no dated line precedes them: those wait for the file's end.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - options: zones, year hints, display path and catalog.
    ///   - progress: receives the (decompressed) bytes read so far, after each chunk.
    ///   - sink: receives every event.
    /// - Returns: damage, coverage and format (no events).
    public static func stream(
        path: String, options: LogIngestOptions, progress: ((Int) -> Void)? = nil, sink: (Event) -> Void
    ) -> LogIngestResult {
        let display = options.displayPath ?? path
        var reader: ChunkedFileReader
        do {
            reader = try ChunkedFileReader(
                path: path, chunkSize: chunkSize, maxDecompressedBytes: maxDecompressedBytes,
                maxCompressionRatio: maxCompressionRatio)
        } catch {
            return LogIngestResult(damage: [Damage("cannot open: \(error)", at: .init(path: display, location: .offset(0)))])
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let mtime = options.modificationTime ?? attributes?[.modificationDate] as? Date
        var result: LogIngestResult
        if !reader.isGzip, var plain = PlainFileSource(path: path, chunkSize: chunkSize) {
            var options = options
            if options.splitBlockBytes == nil, options.splitAcrossCores, size >= ParallelLogScan.minimumFileBytes,
                ProcessInfo.processInfo.activeProcessorCount > 1 {
                options.splitBlockBytes = ParallelLogScan.defaultBlockBytes
            }
            if let blockBytes = options.splitBlockBytes, let file = PositionalFile(path: path) {
                // Split: each block's scanner reads its own text; this thread only measures the chunks.
                let text = FileBlockText(file: file, chunkSize: plain.chunkSize)
                result = stream(
                    blocksOf: text, blockBytes: blockBytes, display: display, options: options, modificationTime: mtime,
                    progress: progress, sink: sink)
            } else {
                result = stream(&plain, display: display, options: options, modificationTime: mtime, progress: progress, sink: sink)
            }
        } else {
            result = stream(&reader, display: display, options: options, modificationTime: mtime, progress: progress, sink: sink)
        }
        if path.hasSuffix(".gz"), !reader.isGzip {
            let what = size == 0 ? "empty file" : "not gzip data (no gzip magic number)"
            result.damage.insert(Damage("\(what) although named .gz", at: .init(path: display, location: .offset(0))), at: 0)
        }
        return result
    }

    /// Ingests already-decompressed bytes (text held in memory, tests), fed in chunks of `chunkSize`, dated with
    /// ``LogIngestOptions/modificationTime`` where yearless; repeats folded in as ``ingest(path:options:)`` folds them.
    public static func ingest(bytes: [UInt8], chunkSize: Int = 1 << 20, options: LogIngestOptions) -> LogIngestResult {
        var source = MemoryChunks(bytes: bytes, chunkSize: chunkSize)
        return ingest(&source, display: options.displayPath ?? "<memory>", options: options, modificationTime: options.modificationTime)
    }

    static func ingest(
        _ source: inout some LogChunkSource, display: String, options: LogIngestOptions, modificationTime: Date?
    ) -> LogIngestResult {
        collecting(options) { sink in
            stream(&source, display: display, options: options, modificationTime: modificationTime, sink: sink)
        }
    }

    static func stream(
        _ source: inout some LogChunkSource, display: String, options: LogIngestOptions, modificationTime: Date?,
        progress: ((Int) -> Void)? = nil, sink: (Event) -> Void
    ) -> LogIngestResult {
        guard let blockBytes = options.splitBlockBytes else {
            var stream = LogEventStream(display: display, options: options, modificationTime: modificationTime)
            return stream.run(&source, progress: progress, sink: sink)
        }
        let text = StreamBlockText(source, reserve: blockBytes + chunkSize)
        return stream(
            blocksOf: text, blockBytes: blockBytes, display: display, options: options,
            modificationTime: modificationTime, progress: progress, sink: sink)
    }

    /// Reads `text` in blocks of about `blockBytes` scanned on every core (``ParallelLogScan``).
    static func stream(
        blocksOf text: any LogBlockText, blockBytes: Int, display: String, options: LogIngestOptions,
        modificationTime: Date?, progress: ((Int) -> Void)? = nil, sink: (Event) -> Void
    ) -> LogIngestResult {
        var stream = LogEventStream(display: display, options: options, modificationTime: modificationTime)
        var blocks = ParallelLogScan(
            text: text, display: display, options: options, blockBytes: blockBytes,
            threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        defer { blocks.stop() }
        return stream.run(advance: { blocks.advance(&$0) }, progress: progress, sink: sink)
    }
}

/// In-memory bytes served in chunks (tests drip-feed with small chunk sizes).
struct MemoryChunks: LogChunkSource {
    let bytes: [UInt8]
    let chunkSize: Int
    var offset = 0

    init(bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    mutating func next() throws -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + chunkSize)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
