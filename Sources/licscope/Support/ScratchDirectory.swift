import Dispatch
import Foundation

/// A private scratch directory for archive extraction that is removed when the command ends — normally, or on
/// SIGINT / SIGTERM (an interrupted run must not leave extracted bundles behind in the temporary directory).
final class ScratchDirectory: @unchecked Sendable {
    // @unchecked: `path` and `sources` are immutable; the registry below is guarded by its lock.
    /// The directory's path.
    let path: String
    private let sources: [any DispatchSourceSignal]

    /// The directories to remove when the process ends early (`Terminal.fail`, a signal).
    nonisolated(unsafe) private static var active: Set<String> = []
    private static let activeLock = NSLock()

    /// Removes every live scratch directory (called just before an early exit).
    static func removeActive() {
        activeLock.lock()
        let paths = active
        active.removeAll()
        activeLock.unlock()
        for path in paths { removeTree(path) }
    }

    /// Removes `path` without racing an extractor still writing into it: the tree is first renamed away in one
    /// step (files created afterwards under the old path fail instead of landing in it), then deleted; the old path
    /// is deleted again in case it was re-created in between.
    static func removeTree(_ path: String) {
        let doomed = path + ".removing"
        if rename(path, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `$TMPDIR/licscope-<pid>-<random>` and arranges its removal on interruption.
    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("licscope-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let path = base.path
        self.path = path
        Self.activeLock.lock()
        Self.active.insert(path)
        Self.activeLock.unlock()
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ScratchDirectory.removeActive()
                _exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }

    /// Removes the directory and restores the default signal handling.
    func remove() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        Self.activeLock.lock()
        Self.active.remove(path)
        Self.activeLock.unlock()
        Self.removeTree(path)
    }
}
