/// A wall-time bound on reading one input (a log, a capture, an archive), measured on a monotonic clock — never the
/// analysis clock, which stays injected. Readers ask it between units of work (a chunk, a batch of records, a
/// member); past it, the rest of the input becomes damage at the offset reached and the run goes on.
public struct WallTimeLimit: Sendable {
    /// The limit, or nil for none.
    public let limit: Duration?
    private let start: ContinuousClock.Instant

    /// Starts the clock now.
    public init(_ limit: Duration?) {
        self.limit = limit
        start = ContinuousClock.now
    }

    /// Whether the limit has been reached (never, without one).
    public var isReached: Bool { limit.map { ContinuousClock.now - start >= $0 } ?? false }

    /// The limit in whole seconds, for messages (0 without one).
    public var seconds: Int64 { limit?.components.seconds ?? 0 }
}
