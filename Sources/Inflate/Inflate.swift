/// Whole-buffer conveniences over `InflateStream`.
public enum Inflate {
    /// Decompresses all of `bytes`, failing when the output would exceed `maxOutput` (decompression bombs),
    /// when the data is damaged, or when it ends early.
    public static func decompress(_ bytes: [UInt8], format: InflateFormat, maxOutput: Int) throws(InflateError) -> [UInt8] {
        var stream = InflateStream(format: format, outputLimit: maxOutput)
        var output: [UInt8] = []
        try stream.feed(bytes, into: &output)
        try stream.finish()
        return output
    }

    /// Decompresses as much of `bytes` as can be decoded: the output up to the first damage,
    /// and the error that stopped decoding, if any. Use it to salvage truncated or damaged files.
    public static func decompressAvailable(_ bytes: [UInt8], format: InflateFormat, maxOutput: Int) -> InflateOutcome {
        var stream = InflateStream(format: format, outputLimit: maxOutput)
        var output: [UInt8] = []
        do {
            try stream.feed(bytes, into: &output)
            try stream.finish()
            return InflateOutcome(bytes: output, error: nil)
        } catch {
            return InflateOutcome(bytes: output, error: error)
        }
    }

    /// True when `prefix` starts with the gzip magic number (`1f 8b`).
    public static func looksLikeGzip(_ prefix: some Collection<UInt8>) -> Bool {
        var iterator = prefix.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }
}

/// What a salvaging decompression produced: every decodable byte, and the error that stopped it, if any.
public struct InflateOutcome: Sendable, Hashable {
    /// The decompressed bytes (all of them when `error` is nil).
    public var bytes: [UInt8]
    /// Why decoding stopped early, or nil when the stream was complete.
    public var error: InflateError?

    /// Creates an outcome.
    public init(bytes: [UInt8], error: InflateError?) {
        self.bytes = bytes
        self.error = error
    }
}
