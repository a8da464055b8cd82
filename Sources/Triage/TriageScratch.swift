import Foundation

/// The run's private temporary directory, `$TMPDIR/licscope-triage-<pid>-<random>`. Every analysis works under it
/// (its `TMPDIR` points there), so removing it removes everything a run left, however an analysis ended. A parent
/// killed outright (SIGKILL) cannot remove it: the next run removes directories whose process is gone.
public struct TriageScratch: Sendable {
    public static let prefix = "licscope-triage-"
    /// The directory.
    public let path: String

    /// Creates the directory, after removing stale ones of dead runs.
    public init(base: String = NSTemporaryDirectory()) throws {
        Self.removeStale(in: base)
        let pid = ProcessInfo.processInfo.processIdentifier
        path = (base.hasSuffix("/") ? base : base + "/") + Self.prefix + "\(pid)-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes the directory.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Removes `licscope-triage-<pid>-*` directories in `base` whose process no longer exists.
    static func removeStale(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).split(separator: "-").first ?? "") else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: base + "/" + name) }
        }
    }
}
