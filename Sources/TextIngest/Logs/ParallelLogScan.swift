import Foundation

/// Drives the scan of one log on several cores: cuts it into blocks (``LogBlockSplitter``), has
/// ``BlockScanWorkers`` scan them a few at a time, and gives their scans back in file order to the caller's
/// scanner (``LogScanner/absorb(_:)``), which settles and emits events meanwhile. The result is the single pass's.
///
/// Memory stays bounded by the blocks in flight (``depth``), whatever the file's size.
struct ParallelLogScan {
    /// The default block size: large enough that a block's start-up (its look-back text, its first lines'
    /// context) costs nothing, small enough that a few in flight stay a few MiB.
    static let defaultBlockBytes = 1 << 20
    /// Files from this size on are split (smaller ones take a fraction of a second on one core).
    static let minimumFileBytes = 16 << 20

    private var splitter: LogBlockSplitter
    private let workers: BlockScanWorkers
    /// How many blocks are read ahead of the one the caller takes next.
    let depth: Int
    private var submitted = 0
    private var taken = 0

    /// Prepares the scan of a file read by path `path` shown as `display`, with `threads` scanning threads.
    init(display: String, options: LogIngestOptions, blockBytes: Int, threads: Int) {
        splitter = LogBlockSplitter(blockBytes: blockBytes)
        let matcher = LineMatcher(catalog: options.catalog, keepLineText: options.keepLineText)
        let hours = RepeatedHours(zone: options.zones.unzoned)
        let maxDamage = options.maxDamageRecords
        workers = BlockScanWorkers(threads: threads) { block in
            LogScanner.scan(block, matcher: matcher, path: display, maxDamage: maxDamage, repeatedHours: hours)
        }
        depth = threads + 1
    }

    /// Adds the next block's scan to `scanner`, reading ahead from `source`; false when the file is done.
    mutating func advance(_ scanner: inout LogScanner, source: inout some LogChunkSource) -> Bool {
        fill(&source)
        guard taken < submitted else { return false }
        let scanned = workers.result(taken)
        taken += 1
        fill(&source)
        scanner.absorb(scanned)
        return true
    }

    /// Ends the worker threads (blocks not taken are dropped).
    func stop() { workers.stop() }

    private mutating func fill(_ source: inout some LogChunkSource) {
        while submitted - taken < depth, let block = splitter.next(from: &source) {
            workers.submit(submitted, block)
            submitted += 1
        }
    }
}
