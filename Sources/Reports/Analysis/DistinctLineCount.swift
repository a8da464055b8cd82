import Foundation
import LicensingModel

/// How many distinct lines (or frames) some events cover over every occurrence (folded repeats included), counted
/// without a list of the occurrences: a merge of each event's ascending line numbers holds one cursor per event.
///
/// A whole-file event (no position) counts each time it occurs. An event whose occurrences are not in ascending
/// line order (never seen: repeats are folded in file order) has its numbers sorted once, for that event alone.
struct DistinctLineCount {
    /// One event's numbers still to count, the smallest first.
    private struct Cursor {
        var current: Int
        var rest: Rest

        enum Rest {
            case none
            case repeats(EventRepeats.Iterator)
            case sorted([Int], at: Int)
        }

        init(_ event: Event) {
            current = AssumptionGroup.number(event.source.location)
            guard let repeats = event.repeats, repeats.count > 0 else {
                rest = .none
                return
            }
            var previous = current
            var ascending = true
            for r in repeats {
                if r.line < previous {
                    ascending = false
                    break
                }
                previous = r.line
            }
            if ascending {
                rest = .repeats(repeats.makeIterator())
                return
            }
            let all = ([current] + repeats.lines).sorted()
            current = all[0]
            rest = .sorted(all, at: 0)
        }

        mutating func advance() -> Bool {
            switch rest {
            case .none:
                return false
            case .repeats(var iterator):
                guard let r = iterator.next() else {
                    rest = .none
                    return false
                }
                current = r.line
                rest = .repeats(iterator)
                return true
            case .sorted(let all, let at):
                guard at + 1 < all.count else {
                    rest = .none
                    return false
                }
                current = all[at + 1]
                rest = .sorted(all, at: at + 1)
                return true
            }
        }
    }

    /// Min-heap of the cursors by their current number.
    private var heap = CursorHeap<Cursor>()

    private static func before(_ a: Cursor, _ b: Cursor) -> Bool { a.current < b.current }

    /// Adds an event's occurrences to the count.
    mutating func add(_ event: Event) {
        heap.push(Cursor(event), by: Self.before)
    }

    /// The count: distinct non-negative numbers, plus every negative one. Consumes the cursors.
    mutating func count() -> Int {
        var n = 0
        var last: Int?
        while let v = heap.peek(\.current) {
            if v < 0 || v != last { n += 1 }
            last = v
            heap.advanceFirst(by: Self.before) { $0.advance() }
        }
        return n
    }
}
