#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an uncompressed file straight into the scanner's buffer: no array per chunk, no extra copy. The gzip
/// path goes through `Inflate.ChunkedFileReader`; this one only owns a file descriptor.
final class PlainFileSource: LogChunkSource {
    /// A read that failed, with the errno text and the byte offset (also thrown by ``PositionalFile``).
    struct ReadError: Error, CustomStringConvertible {
        var offset: Int
        /// The errno of the failed read; 0 when the file ended before the bytes expected (it shrank while read).
        var code: Int32
        var description: String {
            code == 0
                ? "read failed at byte \(offset): the file ended early (it shrank while it was read)"
                : "read failed at byte \(offset): \(String(cString: strerror(code)))"
        }
    }

    private let fd: Int32
    /// How many bytes one read asks for: the caller's chunk size, or less for a small file, so that reading
    /// 100,000 tiny archive members does not zero and copy a 1 MiB chunk for each.
    let chunkSize: Int
    private var offset = 0
    /// One chunk of zeros, appended with a single copy to make room for a read (appending a lazily repeated
    /// element one by one cost a third of a second per file in debug builds).
    private let room: [UInt8]

    /// Opens `path`; nil when it cannot be opened.
    init?(path: String, chunkSize: Int) {
        fd = open(path, O_RDONLY)
        var size = Int.max
        var info = stat()
        if fd >= 0, fstat(fd, &info) == 0, info.st_size >= 0 { size = Int(info.st_size) }
        // A file that grows while it is read is still read whole, in these smaller chunks.
        let chunk = max(1, min(chunkSize, max(Self.smallestChunk, size < Int.max ? size + 1 : size)))
        self.chunkSize = chunk
        room = [UInt8](repeating: 0, count: chunk)
        guard fd >= 0 else { return nil }
    }

    /// The smallest read, whatever the file's size.
    static let smallestChunk = 4096

    deinit { if fd >= 0 { close(fd) } }

    func next() throws -> [UInt8]? {
        var chunk: [UInt8] = []
        return try append(to: &chunk) == 0 ? nil : chunk
    }

    func append(to buffer: inout [UInt8]) throws -> Int {
        let old = buffer.count
        buffer.append(contentsOf: room)
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return -1 }
                return read(fd, base + old, chunkSize)
            }
        } while n < 0 && errno == EINTR
        buffer.removeLast(chunkSize - max(0, n))
        guard n >= 0 else { throw ReadError(offset: offset, code: errno) }
        offset += n
        return n
    }
}
