import Dispatch
import Foundation

/// A private scratch directory for archive extraction that is removed when the command ends — normally, or on
/// SIGINT / SIGTERM (an interrupted run must not leave extracted bundles behind in the temporary directory).
final class ScratchDirectory {
    /// The directory's path.
    let path: String
    private let sources: [any DispatchSourceSignal]

    /// Creates `$TMPDIR/licscope-<pid>-<random>` and arranges its removal on interruption.
    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("licscope-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let path = base.path
        self.path = path
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: path)
                Foundation.exit(128 + signalNumber)
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
        try? FileManager.default.removeItem(atPath: path)
    }
}
