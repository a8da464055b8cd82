import Foundation

/// The later occurrences of a folded message: one instant and one line per repeat, in file order.
///
/// A busy trace writes the same periodic message (same kind, same fields, same file) hundreds of thousands of times;
/// folded, each repeat costs a few bytes instead of a whole ``Event``: its instant and line as differences from the
/// previous repeat's (``RepeatEncoding``: three or four bytes for a trace's next second and next lines), plus
/// a decoding checkpoint every ``checkpointStride`` repeats for ``subscript(_:)``. Everything that differs between
/// the occurrences — when, and on which line — is kept exactly, so a folded event can always be unfolded into the
/// events it replaced (``Event/unfolded``). Iterate (it is a `Sequence`) rather than index where you can.
public struct EventRepeats: Sendable, Sequence {
    /// How many repeats lie between two decoding checkpoints.
    static let checkpointStride = 32

    private var bytes: [UInt8] = []
    /// The decoding state before repeat `k × checkpointStride`, for each k.
    private var checkpoints: [RepeatEncoding.State] = []
    /// The state after the last repeat.
    private var tail = RepeatEncoding.State()
    /// How many repeats there are (the first occurrence, the event itself, is not counted).
    public private(set) var count = 0

    /// No repeats yet.
    public init() {}

    /// Adds a repeat at `instant` read on `line` (after the ones added so far, in file order).
    public mutating func append(instant: Date, line: Int) {
        if count % Self.checkpointStride == 0 { checkpoints.append(tail) }
        RepeatEncoding.append(instant: instant, line: line, to: &bytes, state: &tail)
        count += 1
    }

    /// Repeat `k` (0-based; `0..<count`): decoded from the nearest checkpoint.
    public subscript(_ k: Int) -> (instant: Date, line: Int) {
        precondition(k >= 0 && k < count, "repeat \(k) of \(count)")
        var state = checkpoints[k / Self.checkpointStride]
        var found: (instant: Date, line: Int)?
        for _ in 0...(k % Self.checkpointStride) { found = RepeatEncoding.next(in: bytes, state: &state) }
        // The bytes were written by `append`; they always decode.
        return found ?? (Date(timeIntervalSinceReferenceDate: 0), 0)
    }

    /// The repeats' instants, in file order (an array as long as the repeats: for tests and small folds).
    public var instants: [Date] { map(\.instant) }
    /// The repeats' 1-based line numbers, in file order.
    public var lines: [Int] { map(\.line) }

    /// Every repeat moved by `offset` seconds (the same addition a single event's instant gets).
    public mutating func shift(by offset: TimeInterval) {
        var moved = EventRepeats()
        for r in self { moved.append(instant: r.instant + offset, line: r.line) }
        self = moved
    }

    /// The bytes held for the repeats (encoded form and checkpoints), for measurements and tests.
    public var encodedByteCount: Int {
        bytes.count + checkpoints.count * MemoryLayout<RepeatEncoding.State>.stride
    }

    /// Decodes the repeats in order.
    public struct Iterator: IteratorProtocol {
        fileprivate let bytes: [UInt8]
        fileprivate var state = RepeatEncoding.State()
        fileprivate var left: Int

        /// The next repeat, nil after the last.
        public mutating func next() -> (instant: Date, line: Int)? {
            guard left > 0 else { return nil }
            left -= 1
            return RepeatEncoding.next(in: bytes, state: &state)
        }
    }

    /// The repeats in file order.
    public func makeIterator() -> Iterator { Iterator(bytes: bytes, left: count) }

    /// The number of repeats.
    public var underestimatedCount: Int { count }
}

extension EventRepeats: Hashable {
    /// Equal when they hold the same repeats (instants compared as dates, so -0 equals 0).
    public static func == (a: EventRepeats, b: EventRepeats) -> Bool {
        a.count == b.count && a.elementsEqual(b) { $0.instant == $1.instant && $0.line == $1.line }
    }

    /// Hashes the count and the lines (equal repeats have equal lines).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for r in self { hasher.combine(r.line) }
    }
}
