import Foundation

/// Folds repeats of the same message read from one file into a single ``Event`` with ``Event/repeats``: same
/// kind, same fields, same excerpt, same file, same zone and assumptions — everything but the instant and the line.
///
/// Nothing is lost: the instant and line of every repeat are kept, so a folded event unfolds into exactly the events
/// it replaced (``Event/unfolded``). Memory then grows with the number of distinct facts plus twelve bytes per
/// repeat, instead of a whole event per line. Only timed events read from a line whose printed stamp text was not
/// kept are folded (a kept stamp differs on every line). The table of distinct messages is bounded by
/// ``EventInterner/limit``; past it, new messages are kept as they are.
public struct EventFolder {
    /// The events in order of first occurrence, repeats folded in.
    public private(set) var events: [Event] = []
    private var firstOf: [Event: Int] = [:]
    /// The keys folded into most recently, with their event's index: a busy trace cycles through a few messages,
    /// and comparing interned keys (shared storage) is much cheaper than hashing one.
    private var recent: [(key: Event, at: Int)] = []
    private static let recentCount = 8

    /// An empty folder.
    public init() {}

    /// Adds one event read after the ones already added (file order).
    public mutating func add(_ event: Event) {
        guard let key = Self.key(event) else {
            events.append(event)
            return
        }
        let found = recent.firstIndex { $0.key == key }.map { recent[$0].at } ?? firstOf[key]
        if let at = found, let instant = event.time?.instant, case .line(let line) = event.source.location,
            Int32(exactly: line) != nil
        {
            if events[at].repeats == nil { events[at].repeats = EventRepeats() }
            _ = events[at].repeats?.append(instant: instant, line: line)
            remember(key, at: at)
            return
        }
        if found == nil, firstOf.count < EventInterner.limit {
            firstOf[key] = events.count
            remember(key, at: events.count)
        }
        events.append(event)
    }

    /// Puts `key` first among the recent keys.
    private mutating func remember(_ key: Event, at: Int) {
        if let i = recent.firstIndex(where: { $0.at == at }) {
            if i == 0 { return }
            recent.remove(at: i)
        } else if recent.count == Self.recentCount {
            recent.removeLast()
        }
        recent.insert((key, at), at: 0)
    }

    /// `events` with repeats folded, in order of first occurrence.
    public static func fold(_ events: [Event]) -> [Event] {
        var folder = EventFolder()
        for e in events { folder.add(e) }
        return folder.events
    }

    /// What every repeat of `event` shares (the event with its instant and line cleared); nil when the event is not
    /// folded (untimed, not read from a line, a snapshot, or a printed stamp text kept).
    static func key(_ event: Event) -> Event? {
        guard var t = event.time, t.raw.isEmpty, event.snapshot == nil, event.repeats == nil,
            case .line = event.source.location
        else { return nil }
        var key = event
        t.instant = Date(timeIntervalSinceReferenceDate: 0)
        key.time = t
        key.source.location = .file
        return key
    }
}
