import Foundation

/// A point on the monotonic clock after which a stage gives up.
struct Deadline {
    private let end: UInt64

    /// A deadline `seconds` from now.
    init(seconds: Double) { end = Self.nowNanoseconds() &+ UInt64(max(0, seconds) * 1e9) }

    /// Milliseconds left (0 when past), capped for `poll`.
    var remainingMilliseconds: Int32 {
        let now = Self.nowNanoseconds()
        return now >= end ? 0 : Int32(min(UInt64(Int32.max), (end - now) / 1_000_000 + 1))
    }

    var isPast: Bool { Self.nowNanoseconds() >= end }

    static func nowNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// Measures a stage's duration on the monotonic clock.
struct Stopwatch {
    private let start = Deadline.nowNanoseconds()
    /// Milliseconds since creation, to the microsecond.
    var milliseconds: Double { Double(Deadline.nowNanoseconds() - start) / 1e6 }
}
