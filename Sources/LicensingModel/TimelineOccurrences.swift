import Foundation

/// Every occurrence of timeline-ordered events (folded repeats included), one at a time, in ``Event/timelineOrder(_:_:)``
/// — stably: ties in the order of the events, then of their occurrences — without an array of them. It walks what
/// ``Swift/Array/unfoldedInTimelineOrder()`` returns, lazily, so a report written from it holds the distinct facts
/// and not one event per line.
///
/// A k-way merge. An event's occurrences are in file order, which is their timeline order when their instants never
/// go back (nearly always; an event whose instants do is sorted on its own once, ``OccurrenceCursor``). Events enter
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
        private var heap: [OccurrenceCursor] = []

        init(_ walk: TimelineOccurrences) {
            self.walk = walk
            entering = OccurrenceEntry(walk)
        }

        /// The next occurrence in timeline order; nil after the last.
        public mutating func next() -> Occurrence? {
            if var c = entering.next, heap.isEmpty || walk.precedes(c.current, heap[0].current) {
                entering.advance(walk)
                let o = c.current
                if c.advance(walk) { push(c) }
                return o
            }
            guard !heap.isEmpty else { return nil }
            let o = heap[0].current
            if heap[0].advance(walk) {
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
            return o
        }

        private mutating func push(_ c: OccurrenceCursor) {
            heap.append(c)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard walk.precedes(heap[i].current, heap[parent].current) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        }

        private mutating func siftDown(_ start: Int) {
            var i = start
            while true {
                let (l, r) = (2 * i + 1, 2 * i + 2)
                var m = i
                if l < heap.count, walk.precedes(heap[l].current, heap[m].current) { m = l }
                if r < heap.count, walk.precedes(heap[r].current, heap[m].current) { m = r }
                guard m != i else { return }
                heap.swapAt(i, m)
                i = m
            }
        }
    }
}
