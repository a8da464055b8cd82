#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses special files before they are opened: a FIFO blocks `open()` until a writer comes, `/dev/zero` never
/// ends, a socket cannot be read as a file. Uses `stat` (a link given explicitly is followed to what it names).
public enum SpecialFile {
    /// Why `path` must not be opened for reading (`not a regular file (FIFO)`), or nil for a regular file, a
    /// directory, or a path that `stat` cannot see (the open that follows reports that).
    public static func refusal(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: kind = "FIFO"
        case S_IFCHR: kind = "character device"
        case S_IFBLK: kind = "block device"
        case S_IFSOCK: kind = "socket"
        default: kind = "special file"
        }
        return "not a regular file (\(kind)); not opened"
    }
}
