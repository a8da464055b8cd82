import Foundation

/// `--watch DIR` until interrupted: every `interval`, lists the folder, and hands bundles that became complete to
/// the run (which skips those already in the results file). Scanning goes on while analyses run: a bundle that
/// arrives during a batch starts as soon as one of the `--jobs` slots frees.
public enum WatchLoop {
    /// Watches `folder`; `now` is the clock the settle time is measured on, `sleep` waits between scans.
    public static func run(
        folder: String, run: TriageRun, settleSeconds: Double, intervalSeconds: Double,
        now: @Sendable () -> Double, sleep: @Sendable (Double) -> Void
    ) {
        var watcher = ArrivalWatcher(settleSeconds: settleSeconds)
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        while !run.registry.isCancelled {
            let ready = watcher.ready(ArrivalWatcher.scan(base), now: now())
            if !ready.isEmpty { run.processInBackground(ready.map { base + "/" + $0 }) }
            if run.registry.isCancelled { break }
            sleep(intervalSeconds)
        }
        run.waitForBackground()
    }
}
