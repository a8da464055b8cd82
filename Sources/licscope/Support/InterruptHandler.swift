import Dispatch
import Foundation

/// Runs `action` on SIGINT or SIGTERM instead of dying, so a command can stop its children and clean up first.
/// `action` is given the signal's number.
final class InterruptHandler {
    private let sources: [any DispatchSourceSignal]

    init(_ action: @escaping @Sendable (Int32) -> Void) {
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { action(signalNumber) }
            source.resume()
            return source
        }
    }

    /// Restores the default handling.
    func restore() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
