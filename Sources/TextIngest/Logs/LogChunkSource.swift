/// A source of decompressed bytes in chunks (a plain file, or a gzip stream read through zlib).
protocol LogChunkSource {
    /// The next chunk, nil at the end.
    /// - Throws: when the rest of the input cannot be read (a truncated or corrupt gzip member).
    mutating func next() throws -> [UInt8]?

    /// Appends the next chunk to `buffer` and returns its size; 0 at the end.
    /// - Throws: like ``next()``.
    mutating func append(to buffer: inout [UInt8]) throws -> Int
}

extension LogChunkSource {
    mutating func append(to buffer: inout [UInt8]) throws -> Int {
        while let chunk = try next() {
            guard !chunk.isEmpty else { continue }
            buffer.append(contentsOf: chunk)
            return chunk.count
        }
        return 0
    }
}
