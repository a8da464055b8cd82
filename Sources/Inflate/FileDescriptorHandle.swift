#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one read-only file descriptor and closes it on deinit.
/// Reads use `pread` at explicit offsets, so sharing one descriptor between copies (and threads) is safe.
final class FileDescriptorHandle: @unchecked Sendable {
    // @unchecked: `descriptor` is immutable and `pread` does not touch the shared file position.
    let descriptor: Int32
    let path: String

    /// Opens `path` read-only.
    init(path: String) throws(FileReadError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, offset: 0, message: Self.systemMessage()) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileReadError(path: path, offset: 0, message: "is a directory")
        }
        self.descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes at `offset`; an empty array means end of file.
    func read(at offset: Int, count: Int) throws(FileReadError) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, offset: offset + filled, message: Self.systemMessage())
            }
            if got == 0 { break }
            filled += got
        }
        buffer.removeSubrange(filled...)
        return buffer
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
