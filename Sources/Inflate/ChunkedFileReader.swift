/// Reads a file as a sequence of byte chunks of at most `chunkSize` bytes, transparently decompressing gzip
/// (detected by its magic number, not its name). Plain files pass through unchanged. Streaming: memory stays
/// bounded by the chunk size; `maxDecompressedBytes` bounds a gzip file's total output (decompression bombs).
///
/// On damage, every decodable byte is returned first; the following `next()` throws the `InflateError`
/// (`.truncated` / `.corrupt` with the compressed offset). A value type: copies read independently.
public struct ChunkedFileReader: Sendable {
    /// True when the file starts with the gzip magic number and is being decompressed.
    public let isGzip: Bool
    /// The path as given.
    public let path: String
    /// Bytes read from the file so far (compressed bytes for gzip).
    public private(set) var fileOffset: Int = 0

    private let file: FileDescriptorHandle
    private let chunkSize: Int
    private var inflater: InflateStream?
    private var pendingError: (any Error & Sendable)?
    private var finished = false
    /// Compressed bytes read from the file but not yet accepted by the decoder.
    private var pendingInput: ArraySlice<UInt8> = []
    /// The last feed stopped at the chunk size: zlib may hold output even without more input.
    private var outputBuffered = false

    /// The compressed slice fed to zlib at a time, which bounds how much one slice can expand.
    private static let compressedSlice = 64 * 1024

    /// Opens `path`. `maxDecompressedBytes` caps the output of a gzip file (decompression bombs).
    public init(path: String, chunkSize: Int = 1 << 20, maxDecompressedBytes: Int = .max) throws {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        self.file = try FileDescriptorHandle(path: path)
        let magic = try file.read(at: 0, count: 2)
        self.isGzip = Inflate.looksLikeGzip(magic)
        if isGzip { inflater = InflateStream(format: .gzip, outputLimit: maxDecompressedBytes) }
    }

    /// The next chunk of (decompressed) bytes, or nil at the end of the file.
    public mutating func next() throws -> [UInt8]? {
        if let error = pendingError {
            pendingError = nil
            finished = true
            throw error
        }
        if finished { return nil }
        return try isGzip ? nextInflated() : nextPlain()
    }

    private mutating func nextPlain() throws -> [UInt8]? {
        let chunk = try file.read(at: fileOffset, count: chunkSize)
        fileOffset += chunk.count
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
                    let slice = try file.read(at: fileOffset, count: min(chunkSize, Self.compressedSlice))
                    if slice.isEmpty {
                        finished = true
                        try stream.finish()
                        break
                    }
                    fileOffset += slice.count
                    pendingInput = slice[...]
                }
                let room = chunkSize - output.count
                let before = output.count
                let used = try stream.feed(pendingInput, into: &output, maxOutput: room)
                pendingInput = pendingInput.dropFirst(used)
                outputBuffered = output.count - before == room
            }
        } catch {
            finished = true
            guard !output.isEmpty else { throw error }
            pendingError = error
        }
        return output.isEmpty && finished ? nil : output
    }
}
