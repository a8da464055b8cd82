import Foundation
import LicensingModel

/// The events the engine is given, one occurrence at a time, in replay order, without unfolding what it does not act
/// on.
///
/// A folded event (``Event/repeats``) of a kind the engine acts on (``LicensingEngine/actsOn``) is given once per
/// occurrence, each at its own instant and line; a folded event of any other kind is left out, since applying it
/// would only move evidence time forward, and the next event, anchor or the end of the evidence moves it the same
/// way. One marker at the last evidence instant stands for the last of those left out, so untimed outputs applied
/// after the timed evidence see the same time. Without folded events the sequence is the events themselves.
///
/// The sequence is a list of steps (indices), not of events: a busy trace holds hundreds of thousands of events, and
/// copying each one out of its array costs a retain and a release per string and dictionary it holds. Readers look
/// at the fields they need (``kind(_:)``, ``instant(_:)``, ``source(_:)``), read in place.
struct EngineSequence {
    /// The events of the replay, in the order they were given (not replay order).
    let events: [Event]
    /// The occurrences of folded events the engine acts on, and the end marker, in replay order.
    let extra: [Event]
    /// The steps in replay order: `k < events.count` is `events[k]`, any other `k` is `extra[k - events.count]`.
    /// Folded events of `events` are not steps (their occurrences the engine acts on are in `extra`).
    let steps: [Int]

    /// The kind of the end marker (not in the vocabulary; the engine ignores it).
    static let endMarker: EventKind = "replay.evidence_end"

    /// - Parameters:
    ///   - events: the events, in any order.
    ///   - order: the indices of `events` in replay order (``Replay/orderIndices(_:)``).
    ///   - end: the last evidence instant (where the end marker goes).
    init(_ events: [Event], order: [Int], end: Date?) {
        self.events = events
        var folded = false
        for k in events.indices where events[k].repeats != nil {
            folded = true
            break
        }
        guard folded else {
            extra = []
            steps = order
            return
        }
        var unfolded: [Event] = []
        for k in events.indices where events[k].repeats != nil && LicensingEngine.actsOn.contains(events[k].kind) {
            unfolded += events[k].unfolded
        }
        if let end {
            unfolded.append(Event(kind: Self.endMarker, time: EventTime(instant: end, raw: ""), source: .init(path: "", location: .file)))
        }
        let extra = Replay.order(unfolded)
        self.extra = extra
        steps = extra.isEmpty ? order : Self.merge(events, order: order, extra: extra)
    }

    /// The event of a step, copied: for the steps handed to the engine whole.
    func event(_ step: Int) -> Event { step < events.count ? events[step] : extra[step - events.count] }

    /// The kind of a step's event (read in place, like the other fields: binding the event would copy it).
    func kind(_ step: Int) -> EventKind { step < events.count ? events[step].kind : extra[step - events.count].kind }

    /// The instant of a step's event; nil for an untimed one.
    func instant(_ step: Int) -> Date? {
        step < events.count ? events[step].time?.instant : extra[step - events.count].time?.instant
    }

    /// Where a step's event was read.
    func source(_ step: Int) -> SourcePointer {
        step < events.count ? events[step].source : extra[step - events.count].source
    }

    /// Merges the replay-ordered `order` (skipping folded events) with the replay-ordered `extra`.
    private static func merge(_ events: [Event], order: [Int], extra: [Event]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(order.count + extra.count)
        var j = 0
        for k in order where events[k].repeats == nil {
            while j < extra.count, Replay.precedes(extra, j, events, k) {
                out.append(events.count + j)
                j += 1
            }
            out.append(k)
        }
        while j < extra.count {
            out.append(events.count + j)
            j += 1
        }
        return out
    }
}
