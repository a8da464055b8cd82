import Foundation

/// A triage run: fingerprints bundles, skips those already in the results file, analyzes the rest `jobs` at a
/// time in isolated child processes, and appends one line per bundle as each finishes.
public final class TriageRun: @unchecked Sendable {
    /// Counts for the progress line.
    public struct Progress: Sendable, Hashable {
        public var total = 0
        public var done = 0
        public var failed = 0
        public var skipped = 0
    }

    private let configuration: TriageConfiguration
    private let results: ResultsFile
    /// The children alive now; `cancel()` kills them.
    public let registry = ChildRegistry()
    private let lock = NSLock()
    private var known: Set<String>
    private var knownUnreadable: Set<String>
    private var progress = Progress()
    private var written: [TriageRecord] = []
    private var errors: [String] = []
    private let onProgress: @Sendable (Progress) -> Void
    /// Analysis slots shared by every batch (`--jobs`).
    private let slots: SlotPool
    /// Bundles being analyzed now, by SHA-256, so a later batch does not take the same content again.
    private var inFlight: Set<String> = []
    /// Batches started with `processInBackground` and not finished.
    private let background = DispatchGroup()

    /// A run appending to `results`, skipping bundles already there: by SHA-256, or by path for bundles that could
    /// not be read at all.
    public init(
        configuration: TriageConfiguration, results: ResultsFile, existing: [TriageRecord],
        onProgress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.results = results
        known = Set(existing.compactMap(\.sha256))
        knownUnreadable = Set(existing.filter { $0.outcome == .unreadable }.map(\.path))
        self.onProgress = onProgress
        slots = SlotPool(count: configuration.jobs)
    }

    /// Records written by this run, and bundles that could not be fingerprinted or written (with why).
    public var outcome: (records: [TriageRecord], errors: [String]) { lock.withLock { (written, errors) } }

    /// Stops: no new analysis starts, running children are killed, their bundles get no line.
    public func cancel() { registry.cancelAll() }

    /// Processes `paths` (bundles, in order) and returns when all are done or the run was cancelled.
    /// Identical content under several paths is one bundle: the first path is analyzed, the others are named in
    /// its `same_content`.
    public func process(_ paths: [String]) {
        lock.withLock { progress.total += paths.count }
        var fingerprints = [BundleFingerprint?](repeating: nil, count: paths.count)
        let box = ResultBox(fingerprints)
        let unreadable = ResultBox([String?](repeating: nil, count: paths.count))
        Self.parallel(count: paths.count, jobs: configuration.jobs) { index, _ in
            guard !self.registry.isCancelled else { return }
            do {
                box.set(index, try BundleFingerprint.compute(path: paths[index]) { self.registry.isCancelled })
            } catch let error as FingerprintError {
                unreadable.set(index, error.reason)
            } catch {}
        }
        fingerprints = box.values
        for (path, reason) in zip(paths, unreadable.values) {
            guard let reason, lock.withLock({ !knownUnreadable.contains(path) }) else { continue }
            finish(TriageRecord.unreadable(path: path, reason: reason))
        }
        lock.withLock {
            for (path, reason) in zip(paths, unreadable.values) where reason != nil && knownUnreadable.contains(path) {
                progress.skipped += 1
                progress.done += 1
            }
        }
        var todo: [(path: String, fingerprint: BundleFingerprint, sameContent: [String])] = []
        var position: [String: Int] = [:]
        lock.withLock {
            for (path, fingerprint) in zip(paths, fingerprints) {
                guard let fingerprint else { continue }
                if known.contains(fingerprint.sha256) || inFlight.contains(fingerprint.sha256) {
                    progress.skipped += 1
                    progress.done += 1
                } else if let at = position[fingerprint.sha256] {
                    todo[at].sameContent.append(path)
                    progress.done += 1
                } else {
                    position[fingerprint.sha256] = todo.count
                    inFlight.insert(fingerprint.sha256)
                    todo.append((path, fingerprint, []))
                }
            }
        }
        onProgress(lock.withLock { progress })
        let analyzer = BundleAnalyzer(configuration: configuration, registry: registry)
        let queued = todo
        Self.parallel(count: todo.count, jobs: configuration.jobs) { index, _ in
            let item = queued[index]
            defer { _ = self.lock.withLock { self.inFlight.remove(item.fingerprint.sha256) } }
            let slot = self.slots.acquire()
            defer { self.slots.release(slot) }
            guard !self.registry.isCancelled else { return }
            guard var record = analyzer.analyze(path: item.path, fingerprint: item.fingerprint, slot: slot) else { return }
            record.sameContent = item.sameContent.isEmpty ? nil : item.sameContent
            self.finish(record)
        }
    }

    /// Starts `process(paths)` on its own thread and returns at once. Its analyses share the `--jobs` slots with
    /// every other batch, so a batch handed over while another runs starts as soon as a slot frees (`--watch`).
    public func processInBackground(_ paths: [String]) {
        background.enter()
        let thread = Thread {
            self.process(paths)
            self.background.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits until every batch started with `processInBackground` has finished (or stopped, when cancelled).
    public func waitForBackground() { background.wait() }

    private func finish(_ record: TriageRecord) {
        var failure: String?
        do { try results.append(record) } catch { failure = "\(error)" }
        let snapshot = lock.withLock {
            if let failure {
                errors.append(failure)
            } else {
                written.append(record)
                if let sha = record.sha256 { known.insert(sha) } else { knownUnreadable.insert(record.path) }
            }
            progress.done += 1
            if record.outcome != .analyzed { progress.failed += 1 }
            return progress
        }
        onProgress(snapshot)
    }

    /// Runs `body(index, slot)` for every index on `jobs` threads; `slot` is the thread's number.
    static func parallel(count: Int, jobs: Int, _ body: @escaping @Sendable (Int, Int) -> Void) {
        let next = ResultBox([0])
        let group = DispatchGroup()
        for slot in 0..<min(max(jobs, 1), max(count, 1)) {
            group.enter()
            let thread = Thread {
                while let index = next.claim(below: count) { body(index, slot) }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
    }
}

/// A small lock-protected array shared between the run's threads.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value]
    init(_ values: [Value]) { storage = values }
    var values: [Value] { lock.withLock { storage } }
    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }
}

extension ResultBox where Value == Int {
    /// Takes the next index below `count` (a shared counter in slot 0), or nil when none are left.
    func claim(below count: Int) -> Int? {
        lock.withLock {
            guard storage[0] < count else { return nil }
            storage[0] += 1
            return storage[0] - 1
        }
    }
}
