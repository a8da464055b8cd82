import Foundation

/// The private directory fuzz targets write their inputs into; created once per process, emptied after each run.
enum FuzzScratch {
    /// The directory (under `$TMPDIR`, or `/tmp`).
    static let directory: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let path = base + "/licscope-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` inside the scratch directory, runs `body` with the path, then removes everything.
    static func withFile(_ name: String, _ bytes: [UInt8], _ body: (String) -> Void) {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        body(path)
        empty()
    }

    /// Removes everything in the scratch directory.
    static func empty() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
