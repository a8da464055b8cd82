#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LicensingModel

/// Owns one read-only file descriptor, read at explicit offsets (`pread`), and closes it on deinit. The one `pread`
/// loop of the package: ``RandomAccessFile`` reads fresh arrays through it, and the log block scanners
/// (TextIngest's `PositionalFile`) append into buffers they reuse.
package final class FileDescriptorHandle: @unchecked Sendable {
    // @unchecked: every stored property is immutable and `pread` does not touch the shared file position.
    let descriptor: Int32
    /// The path as given.
    package let path: String
    /// The file's size when it was opened.
    package let size: Int

    /// A read that failed: the offset of the failed `pread` and its errno.
    package struct ReadFailure: Error, Sendable {
        /// The byte offset the failed read started at.
        package var offset: Int
        /// The `errno` of the failure.
        package var code: Int32
    }

    /// Opens `path` read-only; special files (FIFOs, devices, sockets), directories and files that cannot be
    /// opened throw.
    package init(path: String) throws(FileReadError) {
        // stat first: opening a FIFO for reading blocks until a writer comes, and a device never ends.
        if let refusal = SpecialFile.refusal(path) { throw FileReadError(path: path, offset: 0, message: refusal) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileReadError(path: path, offset: 0, message: Self.systemMessage(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = Self.systemMessage(errno)
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

    /// The file's size now (it may have grown or shrunk since it was opened), nil when it cannot be told.
    package var currentSize: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 0 else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file, none past it.
    func read(at offset: Int, count: Int) throws(FileReadError) -> [UInt8] {
        guard count > 0, offset >= 0 else { return [] }
        var buffer: [UInt8] = []
        do {
            try append(to: &buffer, at: offset, count: count)
        } catch {
            throw FileReadError(path: path, offset: error.offset, message: Self.systemMessage(error.code))
        }
        return buffer
    }

    /// Zeros appended to make room for a read, a piece at a time (no allocation per read).
    private static let room = [UInt8](repeating: 0, count: 1 << 16)

    /// Appends up to `count` bytes read at `offset` to `buffer`; returns how many were read (fewer only at the end
    /// of the file). A read interrupted by a signal is retried.
    /// - Throws: ``ReadFailure`` when a read fails (nothing is appended then).
    @discardableResult
    package func append(to buffer: inout [UInt8], at offset: Int, count: Int) throws(ReadFailure) -> Int {
        guard count > 0 else { return 0 }
        let old = buffer.count
        // Grown as appends grow an array (doubling), not to the exact size: a buffer that reads one chunk after
        // another would otherwise be reallocated, and its new pages faulted in, at nearly every read.
        if buffer.capacity < old + count { buffer.reserveCapacity(Swift.max(old + count, 2 * buffer.capacity)) }
        var left = count
        while left > 0 {
            let n = min(left, Self.room.count)
            buffer.append(contentsOf: Self.room[..<n])
            left -= n
        }
        var got = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while got < count {
                let n = pread(descriptor, base + old + got, count - got, off_t(offset + got))
                if n > 0 {
                    got += n
                } else if n == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        buffer.removeLast(failure != 0 ? count : count - got)
        if failure != 0 { throw ReadFailure(offset: offset + got, code: failure) }
        return got
    }

    private static func systemMessage(_ code: Int32) -> String { String(cString: strerror(code)) }
}
