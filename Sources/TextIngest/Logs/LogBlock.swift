/// One block of a log split for several cores (``LogBlockSplitter``): the chunks a single pass reads in a row, and
/// the text that pass still holds in its buffer when it reads the first of them.
///
/// A scanner started from a block (``LogScanner/init(matcher:path:maxDamage:block:)``) has the buffer, byte count
/// and scan position a single pass has there, so everything it finds by looking back — the timed line above a
/// continuation line, the look back through the hour repeated in autumn, where that look stops — is what the single
/// pass finds; only its line numbers start again at the block and its stamps wait for the blocks before it.
struct LogBlock: Sendable {
    /// The file's bytes from ``start`` to the end of the block's last chunk, when the block holds them (a block of a
    /// stream read on the splitting thread); empty when the block's scanner reads them from ``file``.
    var bytes: [UInt8] = []
    /// The file the block's scanner reads its text from (an uncompressed file read by path), or nil.
    var file: PositionalFile?
    /// The file offset of `bytes[0]`: where the single pass's buffer starts when it reads the block's first chunk.
    var start: Int
    /// How many of `bytes` were read before the block's first chunk (the buffer the single pass holds then).
    var carried: Int
    /// Where the single pass resumes scanning, relative to ``start``.
    var scanFrom: Int
    /// The sizes of the block's chunks, as the source gave them.
    var chunkSizes: [Int]
    /// How many early lines are still to be sampled for the layout and first stamp (``LogScanner/sampleLines``).
    var sampleLeft: Int
    /// Whether the source ends after this block (the scanner then scans what is left and looks for the last stamp).
    var isLast: Bool
    /// The error that ended the source after this block, as it is written in the damage.
    var failure: String?

    /// The block's chunks, then the end of the source (or its error) when the block is the last.
    func chunks() -> Chunks { Chunks(block: self) }

    /// Appends the text the single pass holds when it reads the block's first chunk (``carried`` bytes) to `buffer`.
    /// - Throws: when the block is read from its file and that read fails.
    func appendCarried(to buffer: inout [UInt8]) throws {
        try append(to: &buffer, from: 0, count: carried)
    }

    /// Appends `count` bytes of the block's text from `offset` (relative to ``start``) to `buffer`.
    private func append(to buffer: inout [UInt8], from offset: Int, count: Int) throws {
        if let file {
            try file.appendExactly(to: &buffer, at: start + offset, count: count)
        } else {
            buffer.append(contentsOf: bytes[offset..<(offset + count)])
        }
    }

    /// Serves a block's chunks again, each in one piece, as a ``LogChunkSource``.
    struct Chunks: LogChunkSource {
        let block: LogBlock
        private var served = 0
        private var offset: Int

        init(block: LogBlock) {
            self.block = block
            offset = block.carried
        }

        mutating func next() throws -> [UInt8]? {
            var chunk: [UInt8] = []
            return try append(to: &chunk) == 0 ? nil : chunk
        }

        mutating func append(to buffer: inout [UInt8]) throws -> Int {
            guard served < block.chunkSizes.count else {
                if let failure = block.failure { throw ReplayedFailure(description: failure) }
                return 0
            }
            let n = block.chunkSizes[served]
            try block.append(to: &buffer, from: offset, count: n)
            served += 1
            offset += n
            return n
        }
    }

    /// A read error of the source, given again to the scanner of the block it ended.
    struct ReplayedFailure: Error, CustomStringConvertible {
        var description: String
    }
}
