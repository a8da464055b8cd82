/// The container around a DEFLATE stream.
public enum InflateFormat: Sendable, Hashable {
    /// RFC 1952 gzip, one or more concatenated members (as `cat a.gz b.gz` produces).
    case gzip
    /// RFC 1950 zlib (two-byte header, Adler-32 trailer).
    case zlib
    /// RFC 1951 raw DEFLATE, as stored in zip entries.
    case rawDeflate

    /// The `windowBits` argument zlib's `inflateInit2` expects for this format.
    var windowBits: Int32 {
        switch self {
        case .gzip: return 15 + 16
        case .zlib: return 15
        case .rawDeflate: return -15
        }
    }
}
