/// Bounds on what opening a bundle may extract; anything beyond is refused with a reason in the inventory.
public struct BundleLimits: Sendable, Hashable {
    /// The most bytes extracted from all archives together.
    public var maxTotalBytes: Int
    /// The most bytes one extracted file may have.
    public var maxEntryBytes: Int
    /// The highest decompressed-to-compressed ratio accepted once `ratioGraceBytes` were produced.
    public var maxCompressionRatio: Int
    /// Output below this size is never refused for its ratio (small repetitive logs compress very well).
    public var ratioGraceBytes: Int
    /// The most archive members examined, over all archives.
    public var maxEntries: Int
    /// The deepest nesting of archives (and gzip layers) expanded; 1 = archives given directly, not inside others.
    public var maxDepth: Int
    /// The most wall time one archive given (or found in a folder) may take, archives nested in it included;
    /// checked between members, past it the rest of the archive is damage.
    public var maxSecondsPerArchive: Int

    /// Creates limits.
    public init(
        maxTotalBytes: Int, maxEntryBytes: Int, maxCompressionRatio: Int, ratioGraceBytes: Int,
        maxEntries: Int, maxDepth: Int, maxSecondsPerArchive: Int = 600
    ) {
        self.maxTotalBytes = maxTotalBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
        self.maxEntries = maxEntries
        self.maxDepth = maxDepth
        self.maxSecondsPerArchive = maxSecondsPerArchive
    }

    /// 8 GiB in total, 2 GiB per file, ratio 200:1 beyond 1 MiB, 100 000 members, 5 levels of nesting, 10 minutes
    /// per archive.
    public static let `default` = BundleLimits(
        maxTotalBytes: 8 << 30, maxEntryBytes: 2 << 30, maxCompressionRatio: 200, ratioGraceBytes: 1 << 20,
        maxEntries: 100_000, maxDepth: 5)
}
