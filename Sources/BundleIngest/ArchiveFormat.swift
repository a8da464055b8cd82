/// The container formats recognised from their first bytes.
enum ArchiveFormat: Equatable {
    /// PKZIP (local file header or empty-archive end record).
    case zip
    /// gzip (a `.gz` file, or a `.tar.gz` once decompressed).
    case gzip
    /// POSIX ustar, GNU or v7 tar (a header block with a valid checksum).
    case tar
    /// A recognised archive format this tool does not expand (bzip2, xz, 7z, rar, zstd).
    case unsupported(String)

    /// The format `prefix` (the file's first bytes) starts with, or nil for a plain file.
    static func sniff(_ prefix: ArraySlice<UInt8>) -> ArchiveFormat? {
        func startsWith(_ magic: [UInt8]) -> Bool { prefix.starts(with: magic) }
        if startsWith([0x50, 0x4b, 0x03, 0x04]) || startsWith([0x50, 0x4b, 0x05, 0x06]) { return .zip }
        if startsWith([0x1f, 0x8b]) { return .gzip }
        if TarHeader.isHeaderBlock(prefix) { return .tar }
        if startsWith(Array("BZh".utf8)) && prefix.count > 3 && (0x31...0x39).contains(prefix[prefix.startIndex + 3]) {
            return .unsupported("bzip2")
        }
        if startsWith([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) { return .unsupported("xz") }
        if startsWith([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) { return .unsupported("7z") }
        if startsWith(Array("Rar!\u{1a}\u{07}".utf8)) { return .unsupported("rar") }
        if startsWith([0x28, 0xb5, 0x2f, 0xfd]) { return .unsupported("zstd") }
        return nil
    }
}
