#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An uncompressed file read at given offsets (`pread`), shared by the threads that scan its blocks: each reads
/// the block it scans straight into its own reused buffer, so no thread copies the file for another.
final class PositionalFile: Sendable {
    /// How a read fails: ``PlainFileSource/ReadError`` (code 0 for a file that ended early).
    typealias ReadError = PlainFileSource.ReadError

    private let fd: Int32

    /// Opens `path`; nil when it cannot be opened.
    init?(path: String) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The file's size now, nil when it cannot be told.
    var size: Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0 else { return nil }
        return Int(info.st_size)
    }

    /// Zeros appended to make room for a read, a piece at a time (no allocation per read).
    private static let room = [UInt8](repeating: 0, count: 1 << 16)

    /// Appends up to `count` bytes read at `offset` to `buffer`; returns how many were read (fewer at the end of
    /// the file).
    /// - Throws: ``ReadError`` when a read fails (nothing is appended then).
    @discardableResult
    func append(to buffer: inout [UInt8], at offset: Int, count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        let old = buffer.count
        buffer.reserveCapacity(old + count)
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
                let n = pread(fd, base + old + got, count - got, off_t(offset + got))
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
        if failure != 0 { throw ReadError(offset: offset + got, code: failure) }
        return got
    }

    /// Appends exactly `count` bytes read at `offset` to `buffer`.
    /// - Throws: ``ReadError`` when a read fails or the file ends before (nothing is appended then).
    func appendExactly(to buffer: inout [UInt8], at offset: Int, count: Int) throws {
        let got = try append(to: &buffer, at: offset, count: count)
        guard got == count else {
            buffer.removeLast(got)
            throw ReadError(offset: offset + got, code: 0)
        }
    }
}
