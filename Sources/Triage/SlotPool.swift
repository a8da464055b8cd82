import Foundation

/// The analysis slots of a run, shared by every batch: at most `count` analyses run at once, each with a slot
/// number no other running analysis has (it names the analysis's work directory). With `--watch`, a batch that
/// arrives while another runs takes slots as they free, instead of waiting for the whole earlier batch.
final class SlotPool: @unchecked Sendable {
    // Safety: `free` is only touched under `lock`; the semaphore counts the free slots.
    private let lock = NSLock()
    private let available: DispatchSemaphore
    private var free: [Int]

    init(count: Int) {
        let n = max(1, count)
        available = DispatchSemaphore(value: n)
        free = Array((0..<n).reversed())
    }

    /// Waits for a free slot and takes it.
    func acquire() -> Int {
        available.wait()
        return lock.withLock { free.removeLast() }
    }

    /// Gives `slot` back.
    func release(_ slot: Int) {
        lock.withLock { free.append(slot) }
        available.signal()
    }
}
