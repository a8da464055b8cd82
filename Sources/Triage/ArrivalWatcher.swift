import Foundation

/// `--watch DIR`: decides when a bundle that appeared in the folder is complete. An entry is taken once its
/// signature (size, newest modification time, number of files) has not changed for `settleSeconds`, by the
/// injected clock; dotfiles and partial-transfer names are never taken (a file renamed into place is taken after
/// one settle interval). Each signature is taken once; an entry that changes later is taken again.
public struct ArrivalWatcher: Sendable {
    /// What identifies an entry's state.
    public struct Signature: Sendable, Hashable {
        public var bytes: Int
        public var newestModification: Double
        public var files: Int
    }

    public var settleSeconds: Double
    private var firstSeen: [String: (signature: Signature, since: Double)] = [:]
    private var taken: [String: Signature] = [:]

    public init(settleSeconds: Double) { self.settleSeconds = settleSeconds }

    /// Given the folder's current listing at `now`, the entries that just became complete, by name.
    public mutating func ready(_ listing: [String: Signature], now: Double) -> [String] {
        var out: [String] = []
        for (name, signature) in listing where !BundleDiscovery.isIgnored(name: name) {
            if taken[name] == signature { continue }
            if let seen = firstSeen[name], seen.signature == signature {
                if now - seen.since >= settleSeconds {
                    taken[name] = signature
                    out.append(name)
                }
            } else {
                firstSeen[name] = (signature, now)
            }
        }
        for name in firstSeen.keys where listing[name] == nil { firstSeen[name] = nil }
        return out.sorted()
    }

    /// The folder's entries and their signatures (a folder entry: its regular files together).
    public static func scan(_ folder: String) -> [String: Signature] {
        var out: [String: Signature] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            var s = stat()
            guard lstat(path, &s) == 0 else { continue }
            if (s.st_mode & S_IFMT) == S_IFDIR {
                var signature = Signature(bytes: 0, newestModification: Self.modification(s), files: 0)
                for relative in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] {
                    var f = stat()
                    guard lstat(path + "/" + relative, &f) == 0 else { continue }
                    signature.files += 1
                    signature.bytes += Int(f.st_size)
                    signature.newestModification = max(signature.newestModification, Self.modification(f))
                }
                out[name] = signature
            } else {
                out[name] = Signature(bytes: Int(s.st_size), newestModification: Self.modification(s), files: 1)
            }
        }
        return out
    }

    private static func modification(_ s: stat) -> Double {
        #if canImport(Darwin)
            return Double(s.st_mtimespec.tv_sec) + Double(s.st_mtimespec.tv_nsec) / 1e9
        #else
            return Double(s.st_mtim.tv_sec) + Double(s.st_mtim.tv_nsec) / 1e9
        #endif
    }
}
