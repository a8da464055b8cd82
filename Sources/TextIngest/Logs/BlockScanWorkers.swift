import Foundation

/// Threads of their own that scan ``LogBlock``s, handing the scans back by block number. Each thread keeps one
/// buffer that every scanner it runs takes over and gives back, so no block allocates (and faults in) a new one.
///
/// Plain threads rather than the shared dispatch pool: the caller waits for results, and a caller that is itself
/// on a pool thread (several files read at once) must not wait for work queued behind it on the same pool.
final class BlockScanWorkers: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(number: Int, block: LogBlock)] = []
    private var results: [Int: LogScanner] = [:]
    private var stopped = false
    private let scan: @Sendable (LogBlock, inout [UInt8]) -> LogScanner

    /// Starts `threads` threads that run `scan` on each block submitted, with the thread's reused buffer.
    init(threads: Int, scan: @escaping @Sendable (LogBlock, inout [UInt8]) -> LogScanner) {
        self.scan = scan
        for _ in 0..<max(1, threads) {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues block `number` (numbers count up from 0, one per block).
    func submit(_ number: Int, _ block: LogBlock) {
        condition.lock()
        jobs.append((number, block))
        condition.signal()
        condition.unlock()
    }

    /// The scan of block `number`, waiting for it.
    func result(_ number: Int) -> LogScanner {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = results.removeValue(forKey: number) { return r }
            condition.wait()
        }
    }

    /// Lets the threads end once their current block is done; blocks still queued are not scanned.
    func stop() {
        condition.lock()
        stopped = true
        jobs.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        var spare: [UInt8] = []
        while true {
            condition.lock()
            while jobs.isEmpty, !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            let scanned = scan(job.block, &spare)
            condition.lock()
            if !stopped { results[job.number] = scanned }
            condition.broadcast()
            condition.unlock()
        }
    }
}
