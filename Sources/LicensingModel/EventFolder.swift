import Foundation

/// Folds repeats of the same message read from one file into a single ``Event`` with ``Event/repeats``: same
/// kind, same fields, same excerpt, same file, same zone and assumptions — everything but the instant and the line.
///
/// Nothing is lost: the instant and line of every repeat are kept, so a folded event unfolds into exactly the events
/// it replaced (``Event/unfolded``). Memory then grows with the number of distinct facts plus a few bytes per
/// repeat (``EventRepeats``), instead of a whole event per line. Only timed events read from a line whose printed
/// stamp text was not kept are folded (a kept stamp differs on every line). The table of distinct messages is
/// bounded by ``EventInterner/limit``; past it, new messages are kept as they are.
///
/// A message is looked up by its ``EventDigest`` (one pass over its bytes) and confirmed with `==` on the parts
/// repeats share; a repeat is then only its instant and line, so it is neither interned nor copied.
public struct EventFolder {
    /// The events in order of first occurrence, repeats folded in.
    public private(set) var events: [Event] = []
    /// Fold-key digest → index in `events` of the first remembered message with that digest.
    private var firstOf: [UInt64: Int] = [:]
    /// Index of a remembered message → the next remembered message with the same digest (a collision; rare).
    private var sameDigest: [Int: Int] = [:]
    private var remembered = 0
    /// Shares the storage of the events kept (``EventInterner``); nil: kept as they come.
    private var interner: EventInterner?

    /// An empty folder; with `interning`, the events it keeps share their repeated parts (``EventInterner``).
    public init(interning: Bool = false) {
        interner = interning ? EventInterner() : nil
    }

    /// Adds one event read after the ones already added (file order).
    public mutating func add(_ event: Event) {
        guard Self.folds(event), let instant = event.time?.instant, case .line(let line) = event.source.location else {
            keep(event, fieldsDigest: nil)
            return
        }
        let fieldsDigest = EventDigest.fields(event.fields)
        let digest = EventDigest.foldKey(event, fields: fieldsDigest)
        var at = firstOf[digest]
        var last: Int?
        while let i = at {
            // Compared in place: passing `events[i]` copied (retained) every member of the event.
            if events.withUnsafeBufferPointer({ Self.sameFact($0[i], event) }) {
                if events[i].repeats == nil { events[i].repeats = EventRepeats() }
                events[i].repeats?.append(instant: instant, line: line)
                return
            }
            last = i
            at = sameDigest[i]
        }
        if remembered < EventInterner.limit {
            remembered += 1
            if let last { sameDigest[last] = events.count } else { firstOf[digest] = events.count }
        }
        keep(event, fieldsDigest: fieldsDigest)
    }

    private mutating func keep(_ event: Event, fieldsDigest: UInt64?) {
        if interner == nil {
            events.append(event)
        } else {
            events.append(interner!.intern(event, fieldsDigest: fieldsDigest))
        }
    }

    /// `events` with repeats folded, in order of first occurrence.
    public static func fold(_ events: [Event]) -> [Event] {
        var folder = EventFolder()
        for e in events { folder.add(e) }
        return folder.events
    }

    /// Whether `event` can fold: timed, read from a line, no printed stamp text kept, no snapshot, no repeats.
    static func folds(_ event: Event) -> Bool {
        guard let t = event.time, t.raw.isEmpty, event.repeats == nil, event.snapshot == nil,
            case .line = event.source.location
        else { return false }
        return true
    }

    /// Whether `b` repeats `a`: equal in everything but the instant, the location and `a`'s repeats (the parts
    /// ``EventDigest/foldKey(_:fields:)`` digests).
    @inline(__always)
    static func sameFact(_ a: Event, _ b: Event) -> Bool {
        guard let x = a.time, let y = b.time else { return false }
        return a.kind == b.kind && a.source.path == b.source.path && x.raw == y.raw
            && x.utcOffsetSeconds == y.utcOffsetSeconds && x.zoneLabel == y.zoneLabel && x.assumptions == y.assumptions
            && a.excerpt == b.excerpt && a.fields == b.fields && a.snapshot == b.snapshot
    }
}
