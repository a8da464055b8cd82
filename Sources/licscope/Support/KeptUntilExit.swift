import Synchronization

/// Holds a command's last large result (a capture's analysis) until the process exits, so freeing it — many small
/// allocations, several milliseconds on a large capture — is not paid at the end of the run: the whole address
/// space goes at exit. Holding a new value frees the one held before, so at most one is kept whatever the number
/// of inputs.
enum KeptUntilExit {
    private static let held = Mutex<(any Sendable)?>(nil)

    /// Keeps `value` until the process exits (or the next call), releasing the value kept before.
    static func keep(_ value: some Sendable) {
        let previous = held.withLock { slot in
            let old = slot
            slot = value
            return old
        }
        _ = previous  // released here, outside the lock
    }
}
