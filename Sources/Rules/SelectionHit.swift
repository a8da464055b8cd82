import Foundation
import LicensingModel

/// One thing a selection found: when (nil when untimed) and the evidence behind it, in 24 bytes.
///
/// A busy trace's selections hit hundreds of thousands of occurrences, and a rule holds its hits while it runs, so a
/// hit is only what tells its occurrence apart: its instant, the event's index in the ``EvidenceIndex`` and, for a
/// folded repeat, the line it was read on (its instant and line are what the repeat adds to the event; the item is
/// made only when a finding's evidence is gathered, without decoding the repeats again). Hits on items made already
/// (state intervals, usage rows, which are few) point into the rule's ``HitItems``.
struct SelectionHit: Equatable {
    /// The instant in seconds since the reference date; NaN when untimed.
    private let seconds: Double
    /// ≥ 0: the index of the event in the ``EvidenceIndex``; < 0: `-1 - i` for list `i` of the rule's ``HitItems``.
    private let ref: Int
    /// The line of a folded repeat (≥ 1: lines count from 1); 0 for the event's own source, and for items.
    private let line: Int

    /// A hit on the first occurrence of event `event` of the index (the event itself, with its own source).
    init(time: Date?, event: Int) {
        self.init(seconds: time?.timeIntervalSinceReferenceDate ?? .nan, ref: event, line: 0)
    }

    /// A hit on a folded repeat of event `event` of the index, read on `line` (1-based) at `time`.
    init(time: Date, event: Int, repeatLine line: Int) {
        self.init(seconds: time.timeIntervalSinceReferenceDate, ref: event, line: max(line, 1))
    }

    /// A hit on list `list` of the rule's ``HitItems``.
    init(time: Date?, items list: Int) {
        self.init(seconds: time?.timeIntervalSinceReferenceDate ?? .nan, ref: -1 - list, line: 0)
    }

    private init(seconds: Double, ref: Int, line: Int) {
        self.seconds = seconds
        self.ref = ref
        self.line = line
    }

    /// When the occurrence or the items happened; nil when untimed.
    var time: Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }

    /// The event's index when the hit is an occurrence of an event of the index; nil for items.
    var event: Int? { ref >= 0 ? ref : nil }

    /// The index of the hit's list in the rule's ``HitItems`` when it holds items made already; nil otherwise.
    var itemList: Int? { ref < 0 ? -1 - ref : nil }

    /// The source of the occurrence, or of the first item.
    func source(_ index: EvidenceIndex, _ items: HitItems) -> SourcePointer? {
        guard ref >= 0 else { return items[-1 - ref].first?.source }
        return Self.source(of: index.evidence.events[ref], line: line)
    }

    /// The occurrence as an evidence item (nil for a hit on items).
    func item(_ index: EvidenceIndex) -> PendingEvidence? {
        guard ref >= 0 else { return nil }
        let event = index.evidence.events[ref]
        return PendingEvidence(
            label: event.kind.rawValue, source: Self.source(of: event, line: line), time: time, excerpt: event.excerpt,
            fields: event.fields)
    }

    /// Whether an event selection makes `self` before `other`: by event, then occurrence (items come last).
    func madeBefore(_ other: SelectionHit) -> Bool {
        switch (ref >= 0, other.ref >= 0) {
        case (true, true): return (ref, line) < (other.ref, other.line)
        case (true, false): return true
        case (false, _): return false
        }
    }

    /// Equal when they hit the same thing at the same instant (untimed hits are equal to each other).
    static func == (a: SelectionHit, b: SelectionHit) -> Bool {
        a.ref == b.ref && a.line == b.line && (a.seconds == b.seconds || (a.seconds.isNaN && b.seconds.isNaN))
    }

    /// The source of `event`'s repeat read on `line`, or its own when `line` is 0.
    private static func source(of event: Event, line: Int) -> SourcePointer {
        line == 0 ? event.source : SourcePointer(path: event.source.path, location: .line(line))
    }
}
