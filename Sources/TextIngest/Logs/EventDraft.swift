import LicensingModel

/// An event recognized during the byte scan, before its year is known.
struct EventDraft: Sendable {
    var kind: EventKind
    var line: Int
    var fields: [String: FieldValue]
    var excerpt: String
    /// The stamp to use (the line's own, or its context's) and, for context stamps, where it came from.
    var stamp: WallStamp?
    var stampLine: Int
    var notes: [String]
    var entryID: String
    /// Index into the scanner's year-inference points, when `stamp` is set.
    var point: Int?
}

/// A source of decompressed bytes in chunks (a plain file, or a gzip stream read through zlib).
protocol LogChunkSource {
    /// The next chunk, nil at the end.
    /// - Throws: when the rest of the input cannot be read (a truncated or corrupt gzip member).
    mutating func next() throws -> [UInt8]?
}
