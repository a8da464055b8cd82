import Foundation

/// One event's place in a ``TimelineOccurrences`` walk: its current occurrence and the ones left, in timeline order.
///
/// A folded event's repeats are decoded as the walk reaches them when its occurrences are already in timeline order
/// (file order, with instants that never go back). Otherwise its occurrences are sorted once, when it enters the walk:
/// the only case where a cursor holds one value per occurrence, and then only for that event.
struct OccurrenceCursor {
    typealias Occurrence = TimelineOccurrences.Occurrence

    /// The occurrence the cursor is at.
    private(set) var current: Occurrence

    private enum Rest {
        /// Nothing after `current`.
        case none
        /// The repeats still to decode, the next one being occurrence `index`.
        case repeats(EventRepeats.Iterator, index: Int)
        /// Every occurrence, sorted; `current` is at `position`.
        case sorted([Occurrence], position: Int)
    }

    private var rest: Rest

    /// A cursor at the first occurrence, in timeline order, of event `e` of `walk`.
    init(event e: Int, in walk: TimelineOccurrences) {
        let event = walk.events[e]
        let first = Occurrence(event: e, index: 0, instant: event.time?.instant, location: event.source.location)
        current = first
        guard let repeats = event.repeats, repeats.count > 0 else {
            rest = .none
            return
        }
        if Self.inOrder(first, repeats, event: e, walk: walk) {
            rest = .repeats(repeats.makeIterator(), index: 1)
            return
        }
        var all = [first]
        all.reserveCapacity(1 + repeats.count)
        for (k, r) in repeats.enumerated() {
            all.append(Occurrence(event: e, index: k + 1, instant: r.instant, location: .line(r.line)))
        }
        all.sort(by: walk.precedes)
        current = all[0]
        rest = .sorted(all, position: 0)
    }

    /// Moves to the next occurrence; false when there is none (the cursor is then spent).
    mutating func advance(_ walk: TimelineOccurrences) -> Bool {
        switch rest {
        case .none:
            return false
        case .repeats(var iterator, let index):
            guard let r = iterator.next() else {
                rest = .none
                return false
            }
            current = Occurrence(event: current.event, index: index, instant: r.instant, location: .line(r.line))
            rest = .repeats(iterator, index: index + 1)
            return true
        case .sorted(let all, let position):
            guard position + 1 < all.count else {
                rest = .none
                return false
            }
            current = all[position + 1]
            rest = .sorted(all, position: position + 1)
            return true
        }
    }

    /// Whether the occurrences, in file order, are already in timeline order.
    private static func inOrder(_ first: Occurrence, _ repeats: EventRepeats, event e: Int, walk: TimelineOccurrences) -> Bool {
        var previous = first
        for (k, r) in repeats.enumerated() {
            let o = Occurrence(event: e, index: k + 1, instant: r.instant, location: .line(r.line))
            guard walk.precedes(previous, o) else { return false }
            previous = o
        }
        return true
    }
}
