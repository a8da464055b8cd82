import Foundation

/// The order in which events enter a ``TimelineOccurrences`` walk: by their first occurrence in timeline order, so
/// that the next event to enter and the merge's heap between them always hold the next occurrence.
///
/// A merged timeline is already in that order (events sorted by their earliest occurrence) and then nothing is held.
/// Otherwise — events given in another order, or a folded event whose earliest occurrence ties with another
/// event's — the events' indices are sorted once by their first occurrences (one entry per event).
struct OccurrenceEntry {
    /// The cursor of the next event to enter, at its first occurrence; nil when every event has entered.
    private(set) var next: OccurrenceCursor?
    /// Events' indices in entry order, when that is not index order.
    private let order: [Int]?
    /// How many events have entered, `next` included.
    private var position = 0

    init(_ walk: TimelineOccurrences) {
        order = Self.sortedOrder(walk)
        next = Self.cursor(at: 0, order: order, walk: walk)
    }

    /// The next event enters the walk.
    mutating func advance(_ walk: TimelineOccurrences) {
        position += 1
        next = Self.cursor(at: position, order: order, walk: walk)
    }

    private static func cursor(at position: Int, order: [Int]?, walk: TimelineOccurrences) -> OccurrenceCursor? {
        guard position < walk.events.count else { return nil }
        return OccurrenceCursor(event: order?[position] ?? position, in: walk)
    }

    /// Nil when the events are in entry order already; else their indices in that order.
    private static func sortedOrder(_ walk: TimelineOccurrences) -> [Int]? {
        let events = walk.events
        guard events.count > 1 else { return nil }
        func head(_ e: Int) -> TimelineOccurrences.Occurrence {
            guard let repeats = events[e].repeats, repeats.count > 0 else {
                return .init(event: e, index: 0, instant: events[e].time?.instant, location: events[e].source.location)
            }
            return OccurrenceCursor(event: e, in: walk).current
        }
        var previous = head(0)
        var sorted = true
        for e in 1..<events.count {
            let h = head(e)
            if !walk.precedes(previous, h) {
                sorted = false
                break
            }
            previous = h
        }
        if sorted { return nil }
        let heads = events.indices.map(head)
        return events.indices.sorted { walk.precedes(heads[$0], heads[$1]) }
    }
}
