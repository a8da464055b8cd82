import Foundation
import LicensingModel

/// The evidence behind a ``SelectionHit``: one occurrence of an event of the ``EvidenceIndex``, made into an item
/// only when a finding's evidence is gathered (a busy trace's selections hit hundreds of thousands of occurrences),
/// or items made already (state intervals, usage rows, which are few).
enum HitEvidence: Hashable {
    /// Occurrence `k` of event `event` (0 for the event itself, 1… for its folded repeats).
    case occurrence(event: Int, k: Int)
    /// Items made already.
    case items([PendingEvidence])

    /// The source of the first item.
    func source(_ index: EvidenceIndex) -> SourcePointer? {
        switch self {
        case .occurrence(let e, let k): return index.evidence.events[e].source(ofOccurrence: k)
        case .items(let items): return items.first?.source
        }
    }

    /// Whether an event selection makes `self` before `other`: by event, then occurrence (items come last).
    func madeBefore(_ other: HitEvidence) -> Bool {
        switch (self, other) {
        case let (.occurrence(e1, k1), .occurrence(e2, k2)): return (e1, k1) < (e2, k2)
        case (.occurrence, .items): return true
        case (.items, _): return false
        }
    }

    /// The items of some hits in order, hit by hit (``Ref/all(in:)``), listed only when some hit holds items made
    /// already: when every hit is an occurrence, item `i` is hit `i` (a busy trace's hits are hundreds of thousands).
    struct Refs {
        private let listed: [Ref]?
        /// How many items there are.
        let count: Int

        init(_ hits: [SelectionHit]) {
            let plain = hits.allSatisfy { if case .occurrence = $0.evidence { true } else { false } }
            listed = plain ? nil : Ref.all(in: hits)
            count = listed?.count ?? hits.count
        }

        /// Item `i`.
        subscript(_ i: Int) -> Ref { listed?[i] ?? Ref(hit: i, item: 0) }
    }

    /// One item of the hits' evidence, by position: hit `hit`, and item `item` of its items (0 for an occurrence).
    struct Ref {
        var hit: Int
        var item: Int

        /// The items of `hits` in order, hit by hit.
        static func all(in hits: [SelectionHit]) -> [Ref] {
            var out: [Ref] = []
            out.reserveCapacity(hits.count)
            for (h, hit) in hits.enumerated() {
                switch hit.evidence {
                case .occurrence: out.append(Ref(hit: h, item: 0))
                case .items(let items): for i in items.indices { out.append(Ref(hit: h, item: i)) }
                }
            }
            return out
        }

        /// The item's time.
        func time(_ hits: [SelectionHit], _ index: EvidenceIndex) -> Date? {
            switch hits[hit].evidence {
            // An occurrence's hit carries its instant (decoding a folded event's repeats again would cost more).
            case .occurrence: return hits[hit].time
            case .items(let items): return items[item].time
            }
        }

        /// The item's source.
        func source(_ hits: [SelectionHit], _ index: EvidenceIndex) -> SourcePointer? {
            switch hits[hit].evidence {
            case .occurrence(let e, let k): return index.evidence.events[e].source(ofOccurrence: k)
            case .items(let items): return items[item].source
            }
        }

        /// The item.
        func item(_ hits: [SelectionHit], _ index: EvidenceIndex) -> PendingEvidence {
            switch hits[hit].evidence {
            case .occurrence(let e, let k): return SelectionMatcher.item(index.evidence.events[e], occurrence: k)
            case .items(let items): return items[item]
            }
        }

        /// The event index when the item is an occurrence of an event with fields (all its occurrences then group
        /// alike in ``EvidenceSelection``); nil otherwise.
        func event(_ hits: [SelectionHit]) -> Int? {
            guard case .occurrence(let e, _) = hits[hit].evidence else { return nil }
            return e
        }
    }
}
