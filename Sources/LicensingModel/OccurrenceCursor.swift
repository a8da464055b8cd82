import Foundation

/// One event's place in a ``TimelineOccurrences`` walk: its current occurrence and the ones left, in timeline order
/// (``OccurrencesInTimeOrder``: decoded as the walk reaches them, through a small buffer when the event's instants
/// go back).
struct OccurrenceCursor {
    typealias Occurrence = TimelineOccurrences.Occurrence

    /// The occurrence the cursor is at.
    private(set) var current: Occurrence
    /// The occurrences after `current`.
    private var rest: OccurrencesInTimeOrder

    /// A cursor at the first occurrence, in timeline order, of event `e` of `walk`.
    init(event e: Int, in walk: TimelineOccurrences) {
        let event = walk.events[e]
        rest = OccurrencesInTimeOrder(event)
        // An event has at least one occurrence.
        let o = rest.next() ?? .init(index: 0, instant: event.time?.instant, location: event.source.location)
        current = Occurrence(event: e, index: o.index, instant: o.instant, location: o.location)
    }

    /// Moves to the next occurrence; false when there is none (the cursor is then spent).
    mutating func advance() -> Bool {
        guard let o = rest.next() else { return false }
        current = Occurrence(event: current.event, index: o.index, instant: o.instant, location: o.location)
        return true
    }
}
