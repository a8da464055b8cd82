import Foundation
import LicensingModel

/// A finding's evidence item before it is shown. A busy trace matches a selection hundreds of thousands of times
/// while a finding shows a handful of items, so redacting the excerpt waits until
/// ``build()`` is called for the items shown; equality and order are those of the built items.
struct PendingEvidence: Hashable {
    var label: String
    var source: SourcePointer?
    var time: Date?
    /// The excerpt as read (redacted by ``build()``).
    var excerpt: String?
    /// The event's fields (empty for a state interval).
    var fields: [String: FieldValue] = [:]
    /// True for a state interval (``FindingEvidence/describesState``).
    var describesState: Bool { fields.isEmpty && FindingEvidence.isStateLabel(label) }

    /// The item as reports show it. For a state item, `sourceText` is the text the file holds at its pointer (the
    /// line the transition was read from), nil when unknown: the hint then prints the line by number.
    func build(sourceText: String? = nil) -> FindingEvidence {
        var item = FindingEvidence(label: label, source: source, time: time, excerpt: excerpt, fields: fields)
        item.noteSourceText(sourceText)
        return item
    }
}

/// What a selection found, and a sentence saying why when it found nothing.
struct SelectionResult {
    var hits: [SelectionHit]
    var detail: String
}

/// Evaluates selections against an ``EvidenceIndex``.
struct SelectionMatcher {
    let index: EvidenceIndex
    var regexes = RegexCache()
    /// The items of the hits that are not occurrences (state intervals, usage row pairs).
    private(set) var items = HitItems()

    init(index: EvidenceIndex) { self.index = index }

    mutating func evaluate(_ selection: Selection) -> SelectionResult {
        switch selection {
        case .events(let s): return evaluate(s)
        case .state(let s): return evaluate(s, items: &items)
        case .entitlements(let s): return evaluate(s)
        }
    }

    /// `event` (its first occurrence, for a folded one) as an evidence item.
    static func item(_ event: Event) -> PendingEvidence {
        PendingEvidence(
            label: event.kind.rawValue, source: event.source, time: event.time?.instant, excerpt: event.excerpt,
            fields: event.fields)
    }

    private mutating func evaluate(_ selection: EventSelection) -> SelectionResult {
        let kinds = selection.kinds.map(\.rawValue).joined(separator: ", ")
        let candidates = index.indices(of: selection.kinds)
        let events = index.evidence.events
        guard !candidates.isEmpty else { return SelectionResult(hits: [], detail: "no \(kinds) event in the evidence") }
        var rejections = Array(repeating: 0, count: selection.predicates.count)
        var occurrences = 0
        // First which events hold (the predicates read fields only, which every occurrence of a folded event
        // shares), so the hits are made into an array of their exact size: a busy trace's hits are the largest
        // array `analyze` holds, and growing it by doubling would hold up to three times as much.
        var holding: [(kind: Int, events: [Int])] = []
        var total = 0
        for kind in selection.kinds.indices {
            var held: [Int] = []
            // Indices, not `for event in`: binding each event would copy (retain) every one of its members.
            for k in index.indices(of: [selection.kinds[kind]]) {
                let n = events[k].occurrenceCount
                occurrences += n
                if let failed = selection.predicates.firstIndex(where: { !$0.holds(on: events[k].fields, regexes: &regexes) }) {
                    rejections[failed] += n
                } else {
                    held.append(k)
                    total += n
                }
            }
            holding.append((kind, held))
        }
        var hits: [SelectionHit] = []
        hits.reserveCapacity(total)
        // Kind by kind, each in timeline order, as ``EvidenceIndex/indices(of:)`` lists them.
        for (_, held) in holding {
            let start = hits.count
            var folded = false
            for k in held {
                hits.append(SelectionHit(time: events[k].time?.instant, event: k))
                guard let repeats = events[k].repeats else { continue }
                folded = true
                // In file order, decoding the repeats once (not occurrence by occurrence).
                for r in repeats { hits.append(SelectionHit(time: r.instant, event: k, repeatLine: r.line)) }
            }
            // Each occurrence in its place in the timeline, as if never folded.
            if folded { timelineOrder(&hits, from: start) }
        }
        if !hits.isEmpty {
            return SelectionResult(hits: hits, detail: "\(hits.count) of \(occurrences) \(kinds) event(s) matched")
        }
        guard let worst = rejections.indices.max(by: { rejections[$0] < rejections[$1] }) else {
            return SelectionResult(hits: [], detail: "no \(kinds) event matched")
        }
        let predicate = selection.predicates[worst]
        let seen = Self.valuesSeen(predicate.field, in: candidates.lazy.map { events[$0] })
        return SelectionResult(
            hits: [],
            detail: "\(occurrences) \(kinds) event(s), none matched: \(rejections[worst]) failed "
                + "\(RuleDescription.predicate(predicate)) (values seen: \(seen))")
    }

    /// Sorts one kind's hits (`hits[start...]`) into timeline order (time, untimed last, then source), in place;
    /// ties keep the order they were made in (event, then occurrence), as a stable sort would. Sorted through the
    /// array's own buffer: sorting the slice `hits[start...]` in place copied it first (3.8 MB for the dense 400 MB
    /// trace's hits, at the peak).
    private func timelineOrder(_ hits: inout [SelectionHit], from start: Int) {
        hits.withUnsafeMutableBufferPointer { all in
            var part = UnsafeMutableBufferPointer(rebasing: all[start...])
            part.sort { a, b in
                switch (a.time, b.time) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default:
                    let (sa, sb) = (a.source(index, items), b.source(index, items))
                    if let sa, let sb, sa != sb { return sa < sb }
                    return a.madeBefore(b)
                }
            }
        }
    }

    private static func valuesSeen(_ field: String, in events: some Sequence<Event>) -> String {
        var seen: [String] = []
        for event in events {
            let text = event.fields[field].map { "'\(Redaction.redact($0.text))'" } ?? "absent"
            if !seen.contains(text) { seen.append(text) }
            if seen.count == 5 { break }
        }
        return seen.joined(separator: ", ")
    }

    private func evaluate(_ selection: StateSelection, items: inout HitItems) -> SelectionResult {
        let intervals = index.evidence.intervals.filter { $0.dimension == selection.dimension }
        let dimension = selection.dimension.rawValue
        guard !intervals.isEmpty else {
            return SelectionResult(hits: [], detail: "the engine derived no \(dimension) state from the evidence")
        }
        let considered: [StateInterval]
        switch selection.at {
        case .any: considered = intervals
        case .end: considered = endInterval(intervals).map { [$0] } ?? []
        }
        let hits = considered.filter { selection.values.contains($0.state) }.map { Self.hit($0, items: &items) }
        if !hits.isEmpty {
            return SelectionResult(hits: hits, detail: "\(dimension) was \(hits.count == 1 ? "" : "\(hits.count)× ")in a wanted state")
        }
        let seen = considered.map(\.value).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let when = selection.at == .end ? "at the end of the evidence" : "over the evidence"
        return SelectionResult(hits: [], detail: "\(dimension) \(when) was \(seen.joined(separator: ", "))")
    }

    private func endInterval(_ intervals: [StateInterval]) -> StateInterval? {
        if let end = index.evidence.evidenceEnd, let covering = intervals.last(where: { $0.contains(end) }) {
            return covering
        }
        if let open = intervals.last(where: { $0.end == nil }) { return open }
        return intervals.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) }
    }

    private static func hit(_ interval: StateInterval, items table: inout HitItems) -> SelectionHit {
        let label = "\(interval.dimension.rawValue): \(interval.value)"
        let excerpt = "\(label) since \(interval.start?.iso8601UTC ?? "before the evidence") (\(interval.cause))"
        var items = interval.evidence.prefix(3).map {
            PendingEvidence(label: label, source: $0, time: interval.start, excerpt: excerpt)
        }
        if items.isEmpty { items = [PendingEvidence(label: label, source: nil, time: interval.start, excerpt: excerpt)] }
        return SelectionHit(time: interval.start, items: table.add(items))
    }

    private mutating func evaluate(_ selection: EntitlementSelection) -> SelectionResult {
        guard !index.usageGroups.isEmpty else {
            return SelectionResult(hits: [], detail: "no license usage rows in the evidence")
        }
        var hits: [SelectionHit] = []
        var lowerMatches = 0
        for group in index.usageGroups {
            let rows = group.compactMap { row in Self.tier(of: row).map { (row, $0) } }.filter { $0.1.inSubstitutionChain }
            for (lower, lowerTier) in rows where selection.lower.allSatisfyPredicates(lower, &regexes) {
                lowerMatches += 1
                for (higher, higherTier) in rows where higherTier.rank > lowerTier.rank
                    && selection.higher.allSatisfyPredicates(higher, &regexes)
                {
                    let pair = items.add([Self.item(lower), Self.item(higher)])
                    hits.append(SelectionHit(time: lower.time?.instant, items: pair))
                }
            }
        }
        let rows = index.usageGroups.reduce(0) { $0 + $1.count }
        if !hits.isEmpty {
            return SelectionResult(hits: hits, detail: "\(hits.count) lower/higher tier pair(s) matched")
        }
        let detail = lowerMatches == 0
            ? "\(rows) usage row(s) in \(index.usageGroups.count) output(s); no row matched 'lower' "
                + selection.lower.map(RuleDescription.predicate).joined(separator: " and ")
            : "\(lowerMatches) lower-tier row(s) matched, but no higher tier in the same output matched 'higher' "
                + selection.higher.map(RuleDescription.predicate).joined(separator: " and ")
        return SelectionResult(hits: [], detail: detail)
    }

    private static func tier(of row: Event) -> LicenseTier? {
        if let raw = row[text: "tier"], let tier = LicenseTier(rawValue: raw) { return tier }
        return row[text: "tag"].flatMap { LicenseTier(tag: $0) }
    }
}

extension [FieldPredicate] {
    fileprivate func allSatisfyPredicates(_ event: Event, _ regexes: inout RegexCache) -> Bool {
        for predicate in self where !predicate.holds(on: event.fields, regexes: &regexes) { return false }
        return true
    }
}
