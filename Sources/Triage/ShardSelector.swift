/// `--shard K/N`: which bundles one of N independent triage runs takes. A bundle belongs to shard
/// `FNV-1a-64(its file name) mod N`, so the split is the same on every host, whatever the mount point, and does not
/// move bundles between shards when others are added. K is 0-based, like Kubernetes' `JOB_COMPLETION_INDEX`.
public struct ShardSelector: Sendable, Hashable {
    public var index: Int
    public var count: Int

    /// Parses `K/N`; nil unless 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n > 0, k >= 0, k < n else { return nil }
        index = k
        count = n
    }

    /// Whether the bundle at `path` belongs to this shard.
    public func contains(path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return Int(Self.fnv1a(name) % UInt64(count)) == index
    }

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
