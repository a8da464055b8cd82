#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LicensingModel

/// A read-only file read at explicit offsets (`pread`), so copies and concurrent readers never disturb each other.
/// The descriptor closes when the last copy goes away.
public struct RandomAccessFile: Sendable {
    /// The path as given.
    public var path: String { descriptor.path }
    /// The file's size in bytes when it was opened.
    public let size: Int

    private let descriptor: FileDescriptorHandle

    /// Opens `path` read-only; directories and missing files throw.
    public init(path: String) throws(FileReadError) {
        descriptor = try FileDescriptorHandle(path: path)
        size = descriptor.size
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file, none past it.
    public func read(at offset: Int, count: Int) throws(FileReadError) -> [UInt8] {
        try descriptor.read(at: offset, count: count)
    }
}

/// Owns one read-only file descriptor and closes it on deinit.
final class FileDescriptorHandle: @unchecked Sendable {
    // @unchecked: every stored property is immutable and `pread` does not touch the shared file position.
    let descriptor: Int32
    let path: String
    let size: Int

    init(path: String) throws(FileReadError) {
        // stat first: opening a FIFO for reading blocks until a writer comes, and a device never ends.
        if let refusal = SpecialFile.refusal(path) { throw FileReadError(path: path, offset: 0, message: refusal) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileReadError(path: path, offset: 0, message: Self.systemMessage()) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = Self.systemMessage()
            close(fd)
            throw FileReadError(path: path, offset: 0, message: message)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileReadError(path: path, offset: 0, message: "is a directory")
        }
        self.descriptor = fd
        self.path = path
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: Int, count: Int) throws(FileReadError) -> [UInt8] {
        guard count > 0, offset >= 0 else { return [] }
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
