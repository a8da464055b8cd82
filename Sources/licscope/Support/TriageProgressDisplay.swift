import Dispatch
import Foundation
import Triage

/// The triage progress line on stderr, rewritten in place, only on a TTY.
final class TriageProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let started = DispatchTime.now()
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: TriageRun.Progress) {
        guard enabled else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let line = ProgressLine.render(progress, elapsed: elapsed)
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
    }

    func finish() {
        lock.withLock { if shown { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
