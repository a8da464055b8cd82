import Foundation

/// The system resolver (`getaddrinfo`) bounded by a deadline. `getaddrinfo` cannot be interrupted, and glibc's
/// `gai_cancel` cannot cancel a lookup already being processed, so each lookup runs on a thread of its own and the
/// caller stops waiting at its deadline; the thread ends when the resolver returns. So that threads left behind by
/// a resolver that does not answer cannot pile up, a lookup of a name still being looked up joins that lookup, and
/// at most `limit` lookups run at once: past that, a lookup is not started and says why (`.backlog`).
final class SystemResolver: @unchecked Sendable {
    /// The outcome of one lookup.
    enum Outcome: Sendable, Equatable {
        case addresses([String])
        /// `gai_strerror`'s text and whether the name does not exist (EAI_NONAME).
        case failed(String, noName: Bool)
        case timeout
        /// Not asked: this many earlier lookups have not returned (the resolver is not answering).
        case backlog(Int)
    }

    /// A lookup running on its own thread; any number of callers may wait on it.
    final class Pending: @unchecked Sendable {
        // Safety: `outcome` is written once by the lookup thread before `done` is signalled, and read only after a
        // wait on `done` succeeded. Each successful waiter signals again, so every later waiter passes too.
        fileprivate var outcome: Outcome
        fileprivate let done = DispatchSemaphore(value: 0)

        fileprivate init(outcome: Outcome = .timeout, finished: Bool = false) {
            self.outcome = outcome
            if finished { done.signal() }
        }

        /// The outcome, or `.timeout` when it has not come within `seconds`.
        func wait(seconds: Double) -> Outcome {
            guard done.wait(timeout: .now() + max(0, seconds)) == .success else { return .timeout }
            done.signal()
            return outcome
        }
    }

    /// The process's resolver: `getaddrinfo`, at most 4 lookups at once.
    static let shared = SystemResolver(limit: 4, resolve: AddressLookup.resolve)

    /// How many lookups may run at once.
    let limit: Int
    private let resolve: @Sendable (String) -> Outcome
    private let lock = NSLock()
    // Guarded by `lock`: the lookups whose thread has not returned, by lower-cased name.
    private var running: [String: Pending] = [:]

    /// A resolver whose lookups call `resolve` (tests give one that never answers).
    init(limit: Int, resolve: @escaping @Sendable (String) -> Outcome) {
        self.limit = limit
        self.resolve = resolve
    }

    /// Lookups whose thread has not returned yet.
    var outstanding: Int { lock.withLock { running.count } }

    /// Starts looking `name` up (or joins the lookup of it still running); the caller waits when it needs the result.
    func start(_ name: String) -> Pending {
        let key = name.lowercased()
        let (pending, isNew): (Pending, Bool) = lock.withLock {
            if let joined = running[key] { return (joined, false) }
            if running.count >= limit { return (Pending(outcome: .backlog(running.count), finished: true), false) }
            let fresh = Pending()
            running[key] = fresh
            return (fresh, true)
        }
        guard isNew else { return pending }
        let resolve = self.resolve
        Thread { [self] in
            pending.outcome = resolve(name)
            lock.withLock { running[key] = nil }
            pending.done.signal()
        }.start()
        return pending
    }

    /// Looks `name` up, waiting at most `seconds`.
    func lookup(_ name: String, seconds: Double) -> Outcome {
        start(name).wait(seconds: seconds)
    }
}
