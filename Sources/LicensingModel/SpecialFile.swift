#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses special files before they are opened: a FIFO blocks `open()` until a writer comes, `/dev/zero` never
/// ends, a socket cannot be read as a file. Uses `stat` (a link given explicitly is followed to what it names) or,
/// for what a folder holds, `lstat` (a link is a link).
public enum SpecialFile {
    /// A kind of file system object that is not a regular file, a directory or a symbolic link.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        case fifo = "FIFO"
        case characterDevice = "character device"
        case blockDevice = "block device"
        case socket
        case other = "special file"

        /// The name written in reasons (`FIFO`, `character device`).
        public var description: String { rawValue }
    }

    /// What `path` is when it is a special file, or nil for a regular file, a directory, a symbolic link (when
    /// `followingLinks` is false), or a path that `stat` cannot see (the open that follows reports that). Never
    /// opens the file.
    public static func kind(_ path: String, followingLinks: Bool = true) -> Kind? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR, S_IFLNK: return nil
        case S_IFIFO: return .fifo
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// Why `path` must not be opened for reading (`not a regular file (FIFO); not opened`), or nil for a regular
    /// file, a directory, or a path that `stat` cannot see.
    public static func refusal(_ path: String) -> String? { kind(path).map(reason) }

    /// The words said of a special file of `kind`, wherever it is met.
    public static func reason(_ kind: Kind) -> String { "not a regular file (\(kind)); not opened" }
}
