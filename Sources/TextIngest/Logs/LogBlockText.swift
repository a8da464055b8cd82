/// The text ``LogBlockSplitter`` cuts into blocks: it tells the size of each chunk a single pass would read, lets
/// the splitter look at the few bytes it needs to follow that pass (where a line ends near a chunk's end, where the
/// look-back text starts), and fills each block's text in as the block's scanner will get it.
protocol LogBlockText: AnyObject {
    /// Reads (or only measures) the next chunk as the single pass's source gives it; returns its size, 0 at the end.
    /// - Throws: the source's error, which ends it.
    func advance() throws -> Int

    /// The byte at file offset `offset`, at or after the current block's start and before the end of what
    /// ``advance()`` has given.
    func byte(at offset: Int) -> UInt8

    /// Gives `block` its text, from its ``LogBlock/start`` to the end of what ``advance()`` has given, and forgets
    /// the text before `keep` (the next block's start).
    func finish(_ block: inout LogBlock, keep: Int)
}
