#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells that a file is still the one that was read: its device and inode, size and modification time, as
/// `stat` gives them. A file whose lines are re-read after the analysis (``LineTextReader``) is first checked
/// against the identity taken before it was analyzed; a file replaced, rewritten, grown or cut since differs.
public struct FileIdentity: Hashable, Sendable {
    /// The device and inode.
    public var device: UInt64, inode: UInt64
    /// The size in bytes.
    public var size: Int64
    /// The modification time, seconds and nanoseconds since the epoch.
    public var modifiedSeconds: Int64, modifiedNanoseconds: Int64

    /// The identity of the file at `path` now; nil when it cannot be told (no such file, no permission).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
