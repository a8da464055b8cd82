import Foundation
import LicensingModel

/// One folded event's place in an ``EngineSequence`` walk: its current occurrence and the ones left, in replay
/// order (``OccurrencesInTimeOrder``: the occurrences of one event share their band, rank, kind and fields, so
/// ``Replay/order(_:)`` puts them by instant, then by line, then in file order).
struct ReplayCursor {
    /// The event's index in the sequence's events (their count for the end marker): at a tie in every replay key,
    /// cursors go by it, then by occurrence.
    let position: Int
    /// The occurrence the cursor is at.
    private(set) var current: OccurrencesInTimeOrder.Occurrence
    /// The occurrences after `current`.
    private var rest: OccurrencesInTimeOrder

    /// A cursor at the first occurrence, in replay order, of `events[k]`, walked as the `position`-th event (`k`
    /// when not given).
    init(_ events: [Event], _ k: Int, position: Int? = nil) {
        self.position = position ?? k
        rest = OccurrencesInTimeOrder(events[k])
        // An event has at least one occurrence.
        current = rest.next() ?? .init(index: 0, instant: events[k].time?.instant, location: events[k].source.location)
    }

    /// Moves to the next occurrence; false when there is none (the cursor is then spent).
    mutating func advance() -> Bool {
        guard let o = rest.next() else { return false }
        current = o
        return true
    }

    /// Whether this cursor's occurrence comes before `other`'s in replay order (ties by event, then occurrence).
    /// `events` are the sequence's events, `marker` the end marker's array.
    func precedes(_ other: ReplayCursor, events: [Event], marker: [Event]) -> Bool {
        let (a, i) = position < events.count ? (events, position) : (marker, 0)
        let (b, j) = other.position < events.count ? (events, other.position) : (marker, 0)
        return Replay.ordered(a, i, current, b, j, other.current)
            ?? ((position, current.index) < (other.position, other.current.index))
    }

    /// Whether this cursor's occurrence comes strictly before `events[k]`, an event that is not folded.
    func precedes(event k: Int, events: [Event], marker: [Event]) -> Bool {
        let (a, i) = position < events.count ? (events, position) : (marker, 0)
        return Replay.ordered(a, i, current, events, k, nil) ?? false
    }
}
