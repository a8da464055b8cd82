import Foundation

/// Reads a batch of bundle entries, on every core when at least two of them are large (a bundle with several big
/// traces or captures), one after the other otherwise. Results come back in the batch's order, so reports never
/// depend on which core finished first. Entries read side by side are each scanned on one core (no block scan
/// inside them: ``EvidenceReaderContext/splitLargeFiles``); one entry read alone may use every core itself.
enum ParallelReads {
    /// Entries from this size on are worth a core of their own.
    static let largeEntryBytes = 4 << 20

    /// The reading of each entry (nil where no reader takes it).
    static func read(
        _ batch: [(EvidenceEntry, (any EvidenceReader)?)], context: EvidenceReaderContext
    ) -> [EvidenceReading?] {
        let large = batch.filter { $0.1 != nil && $0.0.size >= largeEntryBytes }.count
        guard large >= 2, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return batch.map { entry, reader in reader?.read(entry, context: context) }
        }
        // Largest first, so the long reads start early and the short ones fill in around them.
        let order = batch.indices.sorted { batch[$0].0.size > batch[$1].0.size }
        let slots = Slots(count: batch.count)
        var each = context
        each.splitLargeFiles = false
        let oneCoreEach = each
        DispatchQueue.concurrentPerform(iterations: order.count) { k in
            let i = order[k]
            slots.set(i, batch[i].1?.read(batch[i].0, context: oneCoreEach))
        }
        return slots.values
    }

    /// Results written from several threads, each slot once.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [EvidenceReading?]

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: EvidenceReading?) {
            lock.lock()
            storage[i] = value
            lock.unlock()
        }

        var values: [EvidenceReading?] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
