import Foundation
import LicensingModel

/// The events the engine is given, one occurrence at a time, in replay order, without unfolding what it does not act
/// on and without a list of the occurrences it does.
///
/// A folded event (``Event/repeats``) of a kind the engine acts on (``LicensingEngine/actsOn``) is given once per
/// occurrence, each at its own instant and line; a folded event of any other kind is left out, since applying it
/// would only move evidence time forward, and the next event, anchor or the end of the evidence moves it the same
/// way. One marker at the last evidence instant stands for the last of those left out, so untimed outputs applied
/// after the timed evidence see the same time. Without folded events the sequence is the events themselves.
///
/// The sequence is walked, not stored: the events that are not folded are visited through their replay-ordered
/// indices, and the occurrences of the folded ones (and the marker) come from a merge holding one cursor per folded
/// event (``ReplayCursor``), so the walk holds the distinct facts and not one event per line. Steps are read field
/// by field (``kind(_:)``, ``instant(_:)``, ``source(_:)``), in place: a busy trace holds hundreds of thousands of
/// events, and copying each one out of its array costs a retain and a release per string and dictionary it holds.
struct EngineSequence: Sequence {
    /// One step: an event that is not folded, one occurrence of a folded event, or the end marker.
    struct Step {
        /// The event's index in ``EngineSequence/events``; `events.count` for the end marker.
        let event: Int
        /// Which occurrence of a folded event, when and where; nil for an event that is not folded.
        let occurrence: OccurrencesInTimeOrder.Occurrence?
    }

    /// The events of the replay, in the order they were given (not replay order).
    let events: [Event]
    /// The indices of `events` in replay order, folded events left out when anything is folded.
    let order: [Int]
    /// The indices of the folded events the engine acts on, in index order.
    let unfolding: [Int]
    /// The end marker, as a one-event array (so it is read like the events); empty without folded events.
    let marker: [Event]

    /// The kind of the end marker (not in the vocabulary; the engine ignores it).
    static let endMarker: EventKind = "replay.evidence_end"

    /// - Parameters:
    ///   - events: the events, in any order.
    ///   - order: the indices of `events` in replay order (``Replay/orderIndices(_:)``).
    ///   - end: the last evidence instant (where the end marker goes).
    init(_ events: [Event], order: [Int], end: Date?) {
        self.events = events
        var unfolding: [Int] = []
        var folded = false
        for k in events.indices where events[k].repeats != nil {
            folded = true
            if LicensingEngine.actsOn.contains(events[k].kind) { unfolding.append(k) }
        }
        self.unfolding = unfolding
        guard folded else {
            self.order = order
            marker = []
            return
        }
        self.order = order.filter { events[$0].repeats == nil }
        marker = end.map { [Event(kind: Self.endMarker, time: EventTime(instant: $0, raw: ""), source: .init(path: "", location: .file))] } ?? []
    }

    /// The event of a step, as the single event it was read as: for the steps handed to the engine whole.
    func event(_ step: Step) -> Event {
        guard step.event < events.count else { return marker[0] }
        var e = events[step.event]
        e.repeats = nil
        if let o = step.occurrence {
            if let t = o.instant { e.time?.instant = t }
            e.source.location = o.location
        }
        return e
    }

    /// The kind of a step's event (read in place, like the other fields: binding the event would copy it).
    func kind(_ step: Step) -> EventKind { step.event < events.count ? events[step.event].kind : Self.endMarker }

    /// The instant of a step's event; nil for an untimed one.
    func instant(_ step: Step) -> Date? {
        guard step.event < events.count else { return marker[0].time?.instant }
        guard events[step.event].time != nil, let o = step.occurrence else { return events[step.event].time?.instant }
        return o.instant
    }

    /// Where a step's event was read.
    func source(_ step: Step) -> SourcePointer {
        guard step.event < events.count else { return marker[0].source }
        guard let o = step.occurrence else { return events[step.event].source }
        return SourcePointer(path: events[step.event].source.path, location: o.location)
    }

    /// Walks the steps in replay order.
    func makeIterator() -> Iterator { Iterator(self) }

    /// Merges the replay-ordered events that are not folded with the occurrences of the folded ones: at a tie in
    /// every replay key, the event that is not folded goes first.
    struct Iterator: IteratorProtocol {
        private let sequence: EngineSequence
        /// The next position in ``EngineSequence/order``.
        private var position = 0
        /// One cursor per folded event (and the marker) with occurrences left, least first.
        private var merge: CursorHeap<ReplayCursor>

        init(_ sequence: EngineSequence) {
            self.sequence = sequence
            merge = CursorHeap(capacity: sequence.unfolding.count + sequence.marker.count)
            let (events, marker) = (sequence.events, sequence.marker)
            let before = { (a: ReplayCursor, b: ReplayCursor) in a.precedes(b, events: events, marker: marker) }
            for k in sequence.unfolding { merge.push(ReplayCursor(events, k), by: before) }
            if !marker.isEmpty { merge.push(ReplayCursor(marker, 0, position: events.count), by: before) }
        }

        mutating func next() -> Step? {
            let (events, marker, order) = (sequence.events, sequence.marker, sequence.order)
            if position < order.count {
                let k = order[position]
                let cursorFirst = merge.peek { $0.precedes(event: k, events: events, marker: marker) } ?? false
                guard cursorFirst else {
                    position += 1
                    return Step(event: k, occurrence: nil)
                }
            }
            guard let step = merge.peek({ Step(event: $0.position, occurrence: $0.current) }) else { return nil }
            merge.advanceFirst(by: { $0.precedes($1, events: events, marker: marker) }) { $0.advance() }
            return step
        }
    }
}
