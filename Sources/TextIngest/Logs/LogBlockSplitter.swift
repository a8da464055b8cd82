/// Cuts a log into ``LogBlock``s of about ``blockBytes`` for scanners on several cores, reading the source in the
/// chunks a single ``LogScanner`` pass reads and following that pass's buffer (where it scans to, what it keeps of
/// the text behind it) without scanning the text itself.
///
/// A block ends after a chunk once it holds ``blockBytes``, at the first such chunk after which the single pass stops
/// at a line break whose whole line it still holds (not in a line longer than ``LogScanner/maxLineBytes``): the next
/// block's scanner then sees that line too, as the single pass does (it may be the context of the next line).
///
/// The text comes through a ``LogBlockText``: held by each block (a stream read here), or only measured here and
/// read by each block's scanner (a plain file); the splitter looks at the same bytes either way.
struct LogBlockSplitter {
    /// The smallest block (a block is whole chunks, so it may be larger).
    let blockBytes: Int
    /// The file offset where the current block starts: the single pass's buffer at the block's first chunk.
    private var base = 0
    /// Where the single pass's buffer starts (file offset).
    private var bufferStart = 0
    /// How far the single pass has scanned: the end of its last scanned line.
    private var scanned = 0
    /// How many bytes the source has given.
    private var read = 0
    /// The end of the last piece of a line longer than ``LogScanner/maxLineBytes`` (-1: none).
    private var lastSplit = -1
    /// Lines (pieces) scanned, counted only up to ``LogScanner/sampleLines``.
    private var pieces = 0
    /// Whether the source has ended.
    private(set) var finished = false

    init(blockBytes: Int) {
        self.blockBytes = max(1, blockBytes)
    }

    /// The next block of `text`, nil once it has ended.
    mutating func next(from text: some LogBlockText) -> LogBlock? {
        guard !finished else { return nil }
        let carried = read - base
        var block = LogBlock(
            start: base, carried: carried, scanFrom: scanned - base, chunkSizes: [],
            sampleLeft: max(0, LogScanner.sampleLines - pieces), isLast: false)
        while true {
            dropScannedText(text)
            var n = 0
            do { n = try text.advance() } catch { block.failure = "\(error)" }
            guard n > 0 else {
                finished = true
                block.isLast = true
                text.finish(&block, keep: read)
                return block
            }
            block.chunkSizes.append(n)
            read += n
            scanChunk(n, text)
            guard read - base - carried >= blockBytes else { continue }
            dropScannedText(text)
            guard bufferStart < scanned, text.byte(at: scanned - 1) == 0x0A, lastSplit < bufferStart else { continue }
            text.finish(&block, keep: bufferStart)
            base = bufferStart
            return block
        }
    }

    /// What the single pass drops from its buffer before reading: the text more than ``LogScanner/lookbackBytes``
    /// behind its scan position, from a line start on.
    private mutating func dropScannedText(_ text: some LogBlockText) {
        if let keep = LogScanner.dropPoint(scanned: scanned, bufferStart: bufferStart, byte: { text.byte(at: $0) }) {
            bufferStart = keep
        }
    }

    /// Where the single pass scans to after a chunk of `n` bytes: the last line break read, or all of a line
    /// grown longer than ``LogScanner/maxLineBytes``.
    private mutating func scanChunk(_ n: Int, _ text: some LogBlockText) {
        // A line break before the chunk would have been scanned to already: only the chunk is searched.
        guard let (end, split) = LogScanner.scanEnd(
            scanned: scanned, floor: max(scanned, read - n), end: read, byte: { text.byte(at: $0) })
        else { return }
        if split { lastSplit = read }
        if pieces < LogScanner.sampleLines {
            var k = scanned
            while k < end, pieces < LogScanner.sampleLines {
                if text.byte(at: k) == 0x0A { pieces += 1 }
                k += 1
            }
            if text.byte(at: end - 1) != 0x0A { pieces += 1 }
        }
        scanned = end
    }
}
