import Foundation

/// Occurrence instants of one event of an array, read in place.
///
/// Calling a method of `Event` on `events[k]` from another module hands it a copy of the event (a retain and a
/// release per string and dictionary it holds); a pass over hundreds of thousands of events pays that for each.
/// These read the instant (and, for a folded event, its repeats) without copying the event.
extension Array where Element == Event {
    /// ``Event/instantRange`` of `self[k]`.
    public func instantRange(at k: Int) -> ClosedRange<Date>? {
        guard let first = self[k].time?.instant else { return nil }
        guard self[k].repeats != nil else { return first...first }
        return self[k].instantRange
    }

    /// ``Event/forEachInstant(_:)`` of `self[k]`.
    public func forEachInstant(at k: Int, _ body: (Date) -> Void) {
        guard let first = self[k].time?.instant else { return }
        guard self[k].repeats != nil else { return body(first) }
        self[k].forEachInstant(body)
    }
}
