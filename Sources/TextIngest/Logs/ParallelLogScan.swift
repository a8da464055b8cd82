import Foundation

/// Drives the scan of one log on several cores: cuts it into blocks (``LogBlockSplitter``), has
/// ``BlockScanWorkers`` scan them a few at a time (reading a plain file's blocks themselves, ``FileBlockText``), and gives their scans back in file order to the caller's
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
    private let text: any LogBlockText
    private let workers: BlockScanWorkers
    /// How many blocks are cut ahead of the one the caller takes next.
    let depth: Int
    private var submitted = 0
    private var taken = 0
    /// Set once a block's scan met a read error: the file is read no further, as in the single pass.
    private var stoppedByError = false

    /// Prepares the scan of `text`, a file shown as `display`, with `threads` scanning threads.
    init(text: any LogBlockText, display: String, options: LogIngestOptions, blockBytes: Int, threads: Int) {
        splitter = LogBlockSplitter(blockBytes: blockBytes)
        self.text = text
        let matcher = LineMatcher(catalog: options.catalog, keepLineText: options.keepLineText)
        let hours = RepeatedHours(zone: options.zones.unzoned)
        let maxDamage = options.maxDamageRecords
        workers = BlockScanWorkers(threads: threads) { block, spare in
            LogScanner.scan(
                block, matcher: matcher, path: display, maxDamage: maxDamage, repeatedHours: hours, spare: &spare)
        }
        depth = threads + 1
    }

    /// Adds the next block's scan to `scanner`, cutting blocks ahead; false when the file is done.
    mutating func advance(_ scanner: inout LogScanner) -> Bool {
        fill()
        guard taken < submitted, !stoppedByError else { return false }
        let scanned = workers.result(taken)
        taken += 1
        fill()
        scanner.absorb(scanned)
        stoppedByError = scanned.inputFailed
        return true
    }

    /// Ends the worker threads (blocks not taken are dropped).
    func stop() { workers.stop() }

    private mutating func fill() {
        while submitted - taken < depth, !stoppedByError, let block = splitter.next(from: text) {
            workers.submit(submitted, block)
            submitted += 1
        }
    }
}
