/// Block text of an uncompressed file read by path: the splitting thread only measures the chunks a single pass
/// would read (whole chunks of ``chunkSize`` up to the file's size, as `read(2)` gives them) and reads a small
/// window where it must look at bytes; each block names the file, and its scanner reads the block itself
/// (``PositionalFile``) into a buffer it reuses.
final class FileBlockText: LogBlockText {
    let file: PositionalFile
    let chunkSize: Int
    /// How far the chunks given reach.
    private var read = 0
    /// The file's size as last seen (seen again when the chunks reach it, in case the file grew).
    private var size: Int
    /// A few KiB of the file around the bytes the splitter looks at.
    private var window: [UInt8] = []
    private var windowStart = 0
    /// The window's size.
    static let windowBytes = 16 << 10

    /// Splits `file` in chunks of `chunkSize` (the single pass's, ``PlainFileSource/chunkSize``).
    init(file: PositionalFile, chunkSize: Int) {
        self.file = file
        self.chunkSize = max(1, chunkSize)
        size = file.size ?? 0
        window.reserveCapacity(Self.windowBytes)
    }

    func advance() throws -> Int {
        if read >= size { size = max(size, file.size ?? 0) }
        let n = min(chunkSize, size - read)
        guard n > 0 else { return 0 }
        read += n
        return n
    }

    /// The byte at `offset`, from the window (read again around `offset` when it does not hold it). A byte that
    /// cannot be read reads as 0 (not a line break): the block's scanner then meets the failure itself.
    func byte(at offset: Int) -> UInt8 {
        if offset < windowStart || offset >= windowStart + window.count {
            // Centred, so that a search backwards (a chunk's last line break) or forwards (the look-back start)
            // finds its byte in one read as a rule.
            windowStart = max(0, offset - Self.windowBytes / 2)
            window.removeAll(keepingCapacity: true)
            _ = try? file.append(to: &window, at: windowStart, count: Self.windowBytes)
            guard offset >= windowStart, offset < windowStart + window.count else { return 0 }
        }
        return window[offset - windowStart]
    }

    func finish(_ block: inout LogBlock, keep: Int) {
        block.file = file
    }
}
