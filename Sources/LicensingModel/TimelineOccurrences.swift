import Foundation

/// Every occurrence of timeline-ordered events (folded repeats included), one at a time, in ``Event/timelineOrder(_:_:)``
/// — stably: ties in the order of the events, then of their occurrences — without an array of them. It walks what
/// ``Swift/Array/unfoldedInTimelineOrder()`` returns, lazily, so a report written from it holds the distinct facts
/// and not one event per line.
///
/// A k-way merge. An event's occurrences are in file order, which is their timeline order when their instants never
/// go back (nearly always; an event whose instants do is reordered through a small buffer,
/// ``OccurrencesInTimeOrder``). Events enter
/// the merge in order of their first occurrence and leave it when walked, so it holds one cursor per event whose
/// repeats are still to come: an event that stands alone never enters it.
public struct TimelineOccurrences: Sequence, Sendable {
    /// The events walked (folded, in any order; timeline order makes the walk cheapest).
    public let events: [Event]

    /// The occurrences of `events`.
    public init(_ events: [Event]) { self.events = events }

    /// One occurrence: which event, which of its occurrences, when and where.
    public struct Occurrence: Sendable, Equatable {
        /// The event's index in ``TimelineOccurrences/events``.
        public var event: Int
        /// 0 for the event itself, k for its k-th repeat.
        public var index: Int
        /// When it happened; nil for an untimed event.
        public var instant: Date?
        /// Where in the event's file it was read.
        public var location: SourcePointer.Location
    }

    /// The occurrence's source.
    public func source(of o: Occurrence) -> SourcePointer {
        SourcePointer(path: events[o.event].source.path, location: o.location)
    }

    /// The occurrence as the single event it was read as (``Event/occurrence(_:)``).
    public func event(of o: Occurrence) -> Event {
        var e = events[o.event]
        e.repeats = nil
        guard o.index > 0 else { return e }
        if let instant = o.instant { e.time?.instant = instant }
        e.source.location = o.location
        return e
    }

    /// Whether `a` comes before `b`: ``Event/timelineOrder(_:_:)`` of the two occurrences, then event and
    /// occurrence order.
    func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
        switch (a.instant, b.instant) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        let (sa, sb) = (source(of: a), source(of: b))
        if sa != sb {
            if sa < sb { return true }
            if sb < sa { return false }
            // A line and a frame of the same number in one path: timeline order puts neither first.
        } else if a.event != b.event {
            let (ka, kb) = (events[a.event].kind.rawValue, events[b.event].kind.rawValue)
            if ka != kb { return ka < kb }
        }
        return a.event != b.event ? a.event < b.event : a.index < b.index
    }

    /// Walks the occurrences.
    public func makeIterator() -> Iterator { Iterator(self) }

    /// The merge's state: the events not yet entered, and a heap of the cursors of those entered with occurrences left.
    public struct Iterator: IteratorProtocol {
        private let walk: TimelineOccurrences
        /// The events not yet entered, in the order they enter.
        private var entering: OccurrenceEntry
        /// Min-heap by ``TimelineOccurrences/precedes(_:_:)`` of each cursor's current occurrence.
        private var heap = CursorHeap<OccurrenceCursor>()

        init(_ walk: TimelineOccurrences) {
            self.walk = walk
            entering = OccurrenceEntry(walk)
        }

        /// The next occurrence in timeline order; nil after the last.
        public mutating func next() -> Occurrence? {
            let walk = walk
            func before(_ a: OccurrenceCursor, _ b: OccurrenceCursor) -> Bool { walk.precedes(a.current, b.current) }
            if var c = entering.next, heap.peek({ walk.precedes(c.current, $0.current) }) ?? true {
                entering.advance(walk)
                let o = c.current
                if c.advance() { heap.push(c, by: before) }
                return o
            }
            guard let o = heap.peek(\.current) else { return nil }
            heap.advanceFirst(by: before) { $0.advance() }
            return o
        }
    }
}
