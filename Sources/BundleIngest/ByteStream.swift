import Inflate

/// Sequential, buffered reading over a `ChunkedFileReader` (a plain or gzip'd tar), with exact-length reads,
/// copies and skips, and a bound on the total decompressed output.
struct ByteStream {
    /// Bytes consumed so far (a position in the decompressed stream).
    private(set) var offset = 0

    private var reader: ChunkedFileReader
    private var buffer: [UInt8]
    private var position = 0
    private let budget: MemberBudget

    /// Reads from `reader`, starting with `initial` bytes already taken from it.
    init(reader: ChunkedFileReader, initial: [UInt8], budget: MemberBudget) {
        self.reader = reader
        self.buffer = initial
        self.budget = budget
    }

    /// Up to `count` bytes; fewer only at the end of the stream.
    /// Throws the reader's error (damage) or `ExtractionLimitReached`.
    mutating func read(_ count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 1 << 16))
        _ = try consume(count) { result.append(contentsOf: $0) }
        return result
    }

    /// Passes the next `count` bytes to `body` in pieces; returns how many there were (fewer at the end).
    mutating func consume(_ count: Int, _ body: (ArraySlice<UInt8>) throws -> Void) throws -> Int {
        var done = 0
        while done < count {
            if position == buffer.count {
                guard try refill() else { break }
            }
            let take = min(count - done, buffer.count - position)
            try body(buffer[position..<(position + take)])
            position += take
            done += take
            offset += take
        }
        return done
    }

    /// Skips `count` bytes; returns how many there were.
    mutating func skip(_ count: Int) throws -> Int { try consume(count) { _ in } }

    private mutating func refill() throws -> Bool {
        guard let chunk = try reader.next() else { return false }
        if let reason = budget.violation(produced: reader.bytesProduced) { throw ExtractionLimitReached(reason: reason, stopsArchive: true) }
        buffer = chunk
        position = 0
        return true
    }
}
