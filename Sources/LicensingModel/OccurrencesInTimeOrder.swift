import Foundation

/// One event's occurrences (the event itself, then its ``Event/repeats``) by instant, then position in the file,
/// then file order — the order both ``Event/timelineOrder(_:_:)`` and the engine's replay order put one event's
/// occurrences in — without a list of every occurrence where that can be avoided.
///
/// Three cases, told apart in one pass over the repeats when the walk starts:
/// - file order is already that order (instants never go back): the repeats are decoded as the walk reaches them;
/// - the lines ascend but instants sometimes go back (threads of one process stamp lines a few milliseconds out of
///   order; every large event of a busy trace): the repeats are decoded a block at a time into a small heap, and the
///   least buffered occurrence is given out as soon as no occurrence still to decode can come before it, which one
///   minimum instant per block of ``block`` occurrences tells. The buffer holds about as many occurrences as the
///   instants go back over;
/// - anything else (never seen: folded events are timed and read in file order): every occurrence is sorted once.
public struct OccurrencesInTimeOrder: IteratorProtocol {
    /// One occurrence: which (0 is the event itself, k its k-th repeat), when and where.
    public struct Occurrence: Sendable, Equatable {
        /// 0 for the event itself, k for its k-th repeat.
        public var index: Int
        /// When it happened; nil for an untimed event.
        public var instant: Date?
        /// Where in the event's file it was read.
        public var location: SourcePointer.Location

        /// Occurrence `index`, at `instant`, read at `location`.
        public init(index: Int, instant: Date?, location: SourcePointer.Location) {
            self.index = index
            self.instant = instant
            self.location = location
        }
    }

    /// Occurrences per block (one minimum instant each) in the buffered case.
    static let block = 64

    private enum Walk {
        /// The next occurrence to give out is `first`, then the repeats as decoded, the next being occurrence `index`.
        case inOrder(first: Occurrence?, EventRepeats.Iterator, index: Int)
        /// Decoding into `buffer`; `restMinimum[b]` is the earliest instant from occurrence `b × block` on.
        case buffered(first: Occurrence, EventRepeats.Iterator, decoded: Int, restMinimum: [Date])
        /// Every occurrence, sorted; the next is at `at`.
        case sorted([Occurrence], at: Int)
    }

    private var walk: Walk
    private let total: Int
    /// Min-heap of decoded occurrences not given out yet (the buffered case).
    private var buffer = CursorHeap<Occurrence>()

    /// The walk over `event`'s occurrences.
    public init(_ event: Event) {
        let first = Occurrence(index: 0, instant: event.time?.instant, location: event.source.location)
        let repeats = event.repeats ?? EventRepeats()
        total = 1 + repeats.count
        var inOrder = true
        var linesAscend = first.instant != nil
        var minima: [Date] = []
        var blockMinimum = first.instant ?? .distantPast
        var previous = first
        var k = 1
        for r in repeats {
            let o = Occurrence(index: k, instant: r.instant, location: .line(r.line))
            if inOrder, Self.before(o, previous) { inOrder = false }
            if linesAscend, o.location.sortKey < previous.location.sortKey { linesAscend = false }
            if !inOrder, !linesAscend { break }
            if k % Self.block == 0 {
                minima.append(blockMinimum)
                blockMinimum = r.instant
            } else if r.instant < blockMinimum {
                blockMinimum = r.instant
            }
            previous = o
            k += 1
        }
        if inOrder {
            walk = .inOrder(first: first, repeats.makeIterator(), index: 1)
        } else if linesAscend {
            minima.append(blockMinimum)
            for b in minima.indices.reversed().dropFirst() where minima[b + 1] < minima[b] { minima[b] = minima[b + 1] }
            walk = .buffered(first: first, repeats.makeIterator(), decoded: 0, restMinimum: minima)
        } else {
            var all = [first]
            all.reserveCapacity(total)
            for (k, r) in repeats.enumerated() { all.append(Occurrence(index: k + 1, instant: r.instant, location: .line(r.line))) }
            all.sort(by: Self.before)
            walk = .sorted(all, at: 0)
        }
    }

    /// How many decoded occurrences wait in the buffer (for tests and measurements).
    public var buffered: Int { buffer.count }

    /// The next occurrence in time order; nil after the last.
    public mutating func next() -> Occurrence? {
        switch walk {
        case .inOrder(let first?, let repeats, let index):
            walk = .inOrder(first: nil, repeats, index: index)
            return first
        case .inOrder(nil, var repeats, let index):
            guard let r = repeats.next() else { return nil }
            walk = .inOrder(first: nil, repeats, index: index + 1)
            return Occurrence(index: index, instant: r.instant, location: .line(r.line))
        case .sorted(let all, let at):
            guard at < all.count else { return nil }
            walk = .sorted(all, at: at + 1)
            return all[at]
        case .buffered(let first, var repeats, var decoded, let restMinimum):
            defer { walk = .buffered(first: first, repeats, decoded: decoded, restMinimum: restMinimum) }
            while true {
                if let m = buffer.first, let t = m.instant, decoded == total || t <= restMinimum[decoded / Self.block] {
                    return buffer.popFirst(by: Self.before)
                }
                guard decoded < total else { return nil }
                repeat {
                    if decoded == 0 {
                        buffer.push(first, by: Self.before)
                    } else if let r = repeats.next() {
                        buffer.push(Occurrence(index: decoded, instant: r.instant, location: .line(r.line)), by: Self.before)
                    }
                    decoded += 1
                } while decoded < total && decoded % Self.block != 0
            }
        }
    }

    /// Time order of two occurrences of one event: by instant (untimed last), then position, then file order.
    static func before(_ a: Occurrence, _ b: Occurrence) -> Bool {
        switch (a.instant, b.instant) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        let (la, lb) = (a.location.sortKey, b.location.sortKey)
        return la != lb ? la < lb : a.index < b.index
    }
}
