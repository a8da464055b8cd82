/// Block text read through any ``LogChunkSource`` (a gzip stream, bytes in memory): the splitting thread reads the
/// chunks and each block holds its bytes.
final class StreamBlockText<Source: LogChunkSource>: LogBlockText {
    private var source: Source
    /// The bytes from ``base`` to the end of what has been read.
    private var data: [UInt8] = []
    /// The file offset of `data[0]`.
    private var base = 0
    private let reserve: Int

    /// Reads `source`; `reserve` is the room to keep for a block (its look-back text and its chunks).
    init(_ source: Source, reserve: Int) {
        self.source = source
        self.reserve = reserve
        data.reserveCapacity(reserve)
    }

    func advance() throws -> Int { try source.append(to: &data) }

    func byte(at offset: Int) -> UInt8 { data[offset - base] }

    func finish(_ block: inout LogBlock, keep: Int) {
        block.bytes = data
        data = Array(data[(keep - base)...])
        data.reserveCapacity(data.count + reserve)
        base = keep
    }
}
