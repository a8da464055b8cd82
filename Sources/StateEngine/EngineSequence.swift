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
struct EngineSequence: Sequence {
    /// The replay-ordered events.
    let ordered: [Event]
    /// The occurrences of folded events the engine acts on, and the end marker, in replay order.
    let extra: [Event]

    /// The kind of the end marker (not in the vocabulary; the engine ignores it).
    static let endMarker: EventKind = "replay.evidence_end"

    init(_ ordered: [Event], end: Date?) {
        self.ordered = ordered
        guard ordered.contains(where: { $0.repeats != nil }) else {
            extra = []
            return
        }
        var unfolded: [Event] = []
        for e in ordered where e.repeats != nil && LicensingEngine.actsOn.contains(e.kind) { unfolded += e.unfolded }
        if let end {
            unfolded.append(Event(kind: Self.endMarker, time: EventTime(instant: end, raw: ""), source: .init(path: "", location: .file)))
        }
        extra = Replay.order(unfolded)
    }

    func makeIterator() -> Iterator { Iterator(ordered: ordered, extra: extra) }

    /// Merges the two replay-ordered lists, skipping folded events in `ordered`.
    struct Iterator: IteratorProtocol {
        let ordered: [Event]
        let extra: [Event]
        var i = 0
        var j = 0

        init(ordered: [Event], extra: [Event]) {
            self.ordered = ordered
            self.extra = extra
        }

        mutating func next() -> Event? {
            guard !extra.isEmpty else {
                defer { i += 1 }
                return i < ordered.count ? ordered[i] : nil
            }
            while i < ordered.count, ordered[i].repeats != nil { i += 1 }
            if i < ordered.count, j < extra.count {
                if Replay.precedes(extra[j], ordered[i]) {
                    j += 1
                    return extra[j - 1]
                }
                i += 1
                return ordered[i - 1]
            }
            if i < ordered.count {
                i += 1
                return ordered[i - 1]
            }
            guard j < extra.count else { return nil }
            j += 1
            return extra[j - 1]
        }
    }
}
