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
        return kind(mode: UInt32(info.st_mode))
    }

    /// The kind a Unix file mode's type bits (`mode & 0o170000`, as `stat` and the mode a zip or tar member stores
    /// give it) say, or nil for a regular file, a directory or a symbolic link.
    public static func kind(mode: UInt32) -> Kind? {
        switch mode & 0o170000 {
        case 0o100000, 0o040000, 0o120000: return nil
        case 0o010000: return .fifo
        case 0o020000: return .characterDevice
        case 0o060000: return .blockDevice
        case 0o140000: return .socket
        default: return .other
        }
    }

    /// Why `path` must not be opened for reading (`not a regular file (FIFO); not opened`), or nil for a regular
    /// file, a directory, or a path that `stat` cannot see.
    public static func refusal(_ path: String) -> String? { kind(path).map(reason) }

    /// The words said of a special file of `kind`, wherever it is met.
    public static func reason(_ kind: Kind) -> String { "not a regular file (\(kind)); not opened" }
}
