import Foundation

extension Event {
    /// How many occurrences the event stands for: 1, plus its folded repeats.
    public var occurrenceCount: Int { 1 + (repeats?.count ?? 0) }

    /// The instant of occurrence `k` (0 is the event itself, 1… its repeats); nil for an untimed event.
    public func instant(ofOccurrence k: Int) -> Date? {
        guard k > 0, let repeats else { return time?.instant }
        return repeats[k - 1].instant
    }

    /// The source of occurrence `k` (0 is the event itself, 1… its repeats).
    public func source(ofOccurrence k: Int) -> SourcePointer {
        guard k > 0, let repeats else { return source }
        return SourcePointer(path: source.path, location: .line(repeats[k - 1].line))
    }

    /// Occurrence `k` as the single event it was read as (0 is the event itself without its repeats).
    public func occurrence(_ k: Int) -> Event {
        var e = self
        e.repeats = nil
        guard k > 0, let repeats else { return e }
        let r = repeats[k - 1]
        e.time?.instant = r.instant
        e.source.location = .line(r.line)
        return e
    }

    /// Every occurrence as a single event, in file order; `[self]` for an event that was not folded.
    public var unfolded: [Event] {
        guard let repeats else { return [self] }
        var out = [occurrence(0)]
        out.reserveCapacity(occurrenceCount)
        for r in repeats {
            var e = out[0]
            e.time?.instant = r.instant
            e.source.location = .line(r.line)
            out.append(e)
        }
        return out
    }

    /// Calls `body` with the instant and source of every occurrence, in file order (the instant nil for an untimed
    /// event): what ``unfolded`` holds, without making the events.
    public func forEachOccurrence(_ body: (Date?, SourcePointer) -> Void) {
        body(time?.instant, source)
        guard let repeats else { return }
        for r in repeats { body(r.instant, SourcePointer(path: source.path, location: .line(r.line))) }
    }

    /// Calls `body` with the instant of every occurrence (nothing for an untimed event).
    public func forEachInstant(_ body: (Date) -> Void) {
        guard let first = time?.instant else { return }
        body(first)
        for r in repeats ?? EventRepeats() { body(r.instant) }
    }

    /// The earliest and latest instants over every occurrence; nil for an untimed event.
    public var instantRange: ClosedRange<Date>? {
        guard let first = time?.instant else { return nil }
        var lo = first, hi = first
        for r in repeats ?? EventRepeats() {
            lo = min(lo, r.instant)
            hi = max(hi, r.instant)
        }
        return lo...hi
    }

    /// The event keeping only the occurrences `keep` accepts (nil when none is kept); the first kept becomes the
    /// event itself.
    public func keepingOccurrences(_ keep: (Event) -> Bool) -> Event? {
        guard repeats != nil else { return keep(self) ? self : nil }
        var folder = EventFolder()
        for e in unfolded where keep(e) { folder.add(e) }
        return folder.events.first
    }
}

extension [Event] {
    /// How many occurrences the events stand for (folded repeats counted).
    public var occurrenceCount: Int { reduce(0) { $0 + $1.occurrenceCount } }

    /// Whether any event holds folded repeats.
    public var hasFoldedRepeats: Bool { contains { $0.repeats != nil } }

    /// Every occurrence as a single event. Events that were read from one file come back in file order
    /// (``inFileOrder()``: a folded event's repeats interleave with the others'), so the result equals what reading
    /// without folding gave.
    public func unfolded() -> [Event] {
        guard hasFoldedRepeats else { return self }
        var out: [Event] = []
        out.reserveCapacity(occurrenceCount)
        for e in self { out += e.unfolded }
        return out.inFileOrder()
    }

    /// The events in file order, stably: by path, then events with a line by line (events of one line keep the
    /// order they came in), then those without one (a capture's frames, whole-file facts) in the order they came
    /// in. The order `licscope events` writes a reading in, and the order a file's folded events unfold to.
    public func inFileOrder() -> [Event] {
        let lines = map(\.fileOrderLine)
        func before(_ a: Int, _ b: Int) -> Bool {
            let (p, q) = (self[a].source.path, self[b].source.path)
            return p != q ? p < q : (lines[a], a) < (lines[b], b)
        }
        guard indices.dropFirst().contains(where: { before($0, $0 - 1) }) else { return self }
        return indices.sorted(by: before).map { self[$0] }
    }

    /// Every occurrence as a single event, in ``Event/timelineOrder(_:_:)`` (stably): what a timeline of `self`
    /// (timeline-ordered) is without folding. One array of every occurrence: a report walks
    /// ``TimelineOccurrences`` instead.
    public func unfoldedInTimelineOrder() -> [Event] {
        guard hasFoldedRepeats else { return self }
        let walk = TimelineOccurrences(self)
        var out: [Event] = []
        out.reserveCapacity(occurrenceCount)
        for o in walk { out.append(walk.event(of: o)) }
        return out
    }
}

extension Event {
    /// The line the event was read from; events without one sort after every line.
    fileprivate var fileOrderLine: Int {
        if case .line(let n) = source.location { return n }
        return .max
    }
}
