/// Reads a file (or a byte range of one, such as a zip member) as a sequence of byte chunks of at most
/// `chunkSize` bytes, decompressing on the fly. Opened by path, gzip is detected by its magic number (not its name)
/// and plain files pass through unchanged. Streaming: memory stays bounded by the chunk size;
/// `maxDecompressedBytes` bounds the total output of compressed data (decompression bombs).
///
/// On damage, every decodable byte is returned first; the following `next()` throws the `InflateError`
/// (`.truncated` / `.corrupt` with the compressed offset, counted from the start of the range).
/// A value type: copies read independently.
public struct ChunkedFileReader: Sendable {
    /// How the bytes of the range are encoded.
    public enum Encoding: Sendable, Hashable {
        /// Passed through unchanged.
        case plain
        /// Decompressed with the given format.
        case compressed(InflateFormat)
        /// gzip when the range starts with the gzip magic number, plain otherwise.
        case detectGzip
    }

    /// True when the data is being decompressed as gzip.
    public let isGzip: Bool
    /// The path as given.
    public var path: String { file.path }
    /// Bytes of the range consumed so far (compressed bytes when decompressing).
    public var compressedBytesRead: Int { fileOffset - range.lowerBound }
    /// Compressed bytes the decoder actually used (exact once the stream ended; excludes read-ahead).
    public var compressedBytesConsumed: Int { fileOffset - range.lowerBound - pendingInput.count }
    /// True once a compressed stream reached its end marker (always false for plain data).
    public var reachedStreamEnd: Bool { inflater?.isComplete ?? false }
    /// Bytes returned so far.
    public private(set) var bytesProduced: Int = 0

    private let file: RandomAccessFile
    private let range: Range<Int>
    private let chunkSize: Int
    private var fileOffset: Int
    private var inflater: InflateStream?
    private var pendingError: (any Error & Sendable)?
    private var finished = false
    /// Compressed bytes read from the file but not yet accepted by the decoder.
    private var pendingInput: ArraySlice<UInt8> = []
    /// The last feed stopped at the chunk size: zlib may hold output even without more input.
    private var outputBuffered = false

    /// The compressed slice read at a time.
    private static let compressedSlice = 64 * 1024
    /// Output below this size is never refused for its ratio (small repetitive logs compress very well).
    public static let ratioGraceBytes = 1 << 20
    /// The highest decompressed-to-compressed ratio accepted past ``ratioGraceBytes``; nil for no ratio limit.
    public var maxCompressionRatio: Int? = nil

    /// Opens `path`, decompressing it when it is gzip. `maxDecompressedBytes` caps a gzip file's output.
    public init(
        path: String, chunkSize: Int = 1 << 20, maxDecompressedBytes: Int = .max, maxCompressionRatio: Int? = nil
    ) throws {
        let file = try RandomAccessFile(path: path)
        try self.init(file: file, range: 0..<file.size, encoding: .detectGzip,
                      chunkSize: chunkSize, maxDecompressedBytes: maxDecompressedBytes)
        self.maxCompressionRatio = maxCompressionRatio
    }

    /// Reads `range` of an open file with the given encoding (a zip member: `.compressed(.rawDeflate)`).
    public init(
        file: RandomAccessFile, range: Range<Int>, encoding: Encoding,
        chunkSize: Int = 1 << 20, maxDecompressedBytes: Int = .max
    ) throws {
        self.file = file
        self.range = range.clamped(to: 0..<max(0, file.size))
        self.chunkSize = max(1, chunkSize)
        self.fileOffset = self.range.lowerBound
        let format: InflateFormat?
        switch encoding {
        case .plain: format = nil
        case .compressed(let given): format = given
        case .detectGzip:
            let magic = try file.read(at: self.range.lowerBound, count: min(2, self.range.count))
            format = Inflate.looksLikeGzip(magic) ? .gzip : nil
        }
        isGzip = format == .gzip
        inflater = format.map { InflateStream(format: $0, outputLimit: maxDecompressedBytes) }
    }

    /// The next chunk of (decompressed) bytes, or nil at the end.
    public mutating func next() throws -> [UInt8]? {
        if let error = pendingError {
            pendingError = nil
            finished = true
            throw error
        }
        if finished { return nil }
        let chunk = try inflater == nil ? nextPlain() : nextInflated()
        bytesProduced += chunk?.count ?? 0
        if let maxCompressionRatio, inflater != nil, bytesProduced > Self.ratioGraceBytes,
            bytesProduced / max(compressedBytesRead, 1) > maxCompressionRatio
        {
            finished = true
            throw InflateError(
                kind: .limitExceeded, offset: compressedBytesRead,
                message: "compression ratio above \(maxCompressionRatio):1 (\(bytesProduced) bytes from "
                    + "\(compressedBytesRead); decompression bomb?)")
        }
        return chunk
    }

    private mutating func readSlice(_ count: Int) throws -> [UInt8] {
        let slice = try file.read(at: fileOffset, count: min(count, range.upperBound - fileOffset))
        fileOffset += slice.count
        return slice
    }

    private mutating func nextPlain() throws -> [UInt8]? {
        let chunk = try readSlice(chunkSize)
        if chunk.isEmpty {
            finished = true
            return nil
        }
        return chunk
    }

    private mutating func nextInflated() throws -> [UInt8]? {
        guard var stream = inflater else { return nil }
        var output: [UInt8] = []
        defer { inflater = stream }
        do {
            while output.count < chunkSize {
                if pendingInput.isEmpty && !outputBuffered {
                    let slice = try readSlice(min(chunkSize, Self.compressedSlice))
                    if slice.isEmpty {
                        finished = true
                        try stream.finish()
                        break
                    }
                    pendingInput = slice[...]
                }
                let room = chunkSize - output.count
                let before = output.count
                let used = try stream.feed(pendingInput, into: &output, maxOutput: room)
                pendingInput = pendingInput.dropFirst(used)
                outputBuffered = output.count - before == room
                if !isGzip && stream.isComplete {
                    // A zlib / raw stream ends on its own; what follows in the range is not part of it.
                    finished = true
                    break
                }
            }
        } catch {
            finished = true
            guard !output.isEmpty else { throw error }
            pendingError = error
        }
        return output.isEmpty && finished ? nil : output
    }
}
