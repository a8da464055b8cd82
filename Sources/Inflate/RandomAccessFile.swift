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
