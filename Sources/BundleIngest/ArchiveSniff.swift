import Inflate

/// The bundle layer's part in recognising a file: whether its first bytes are a container to expand, and the first
/// bytes of what a gzip file holds, so recognition can look through it.
public enum ArchiveSniff {
    /// True when `prefix` starts a container this layer expands or refuses (zip, gzip, tar, bzip2, xz, 7z, rar,
    /// zstd).
    public static func isArchive(_ prefix: ArraySlice<UInt8>) -> Bool { ArchiveFormat.sniff(prefix) != nil }

    /// Up to `count` leading bytes of the file at `path`, and for a gzip file up to `count` leading bytes of what
    /// it decompresses to (what a damaged head lets be inflated); nil when the file cannot be read.
    public static func head(path: String, count: Int) -> (bytes: [UInt8], decompressed: [UInt8]?)? {
        guard let file = try? RandomAccessFile(path: path), let prefix = try? file.read(at: 0, count: count) else {
            return nil
        }
        guard ArchiveFormat.sniff(prefix[...]) == .gzip else { return (prefix, nil) }
        // Enough of the compressed head to fill `count` bytes of content.
        let head = (try? file.read(at: 0, count: 256 << 10)) ?? prefix
        return (prefix, Inflate.decompressAvailable(head, format: .gzip, maxOutput: count).bytes)
    }
}
