import Foundation

/// A private scratch directory for archive extraction that is removed when the command ends — normally, or on
/// SIGINT / SIGTERM and early exits through ``EarlyExitCleanup`` (an interrupted run must not leave extracted
/// bundles behind in the temporary directory).
final class ScratchDirectory: Sendable {
    /// The directory's path.
    let path: String

    /// Creates `$TMPDIR/licscope-<pid>-<random>` and arranges its removal on interruption.
    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("licscope-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
        EarlyExitCleanup.register(.tree(path))
    }

    /// Removes the directory.
    func remove() {
        EarlyExitCleanup.removeTree(path)
        EarlyExitCleanup.unregister(.tree(path))
    }
}
