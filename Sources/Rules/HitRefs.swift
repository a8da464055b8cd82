import Foundation
import LicensingModel

/// The evidence items of a rule's hits in order, hit by hit, read by position: hit `hit`, item `item` of its items
/// (0 for an occurrence). The positions are listed only when some hit holds items made already: when every hit is
/// an occurrence, item `i` is hit `i` (a busy trace's hits are hundreds of thousands).
struct HitRefs {
    /// One item by position.
    struct Ref {
        var hit: Int
        var item: Int
    }

    let hits: HitList
    let items: HitItems
    let index: EvidenceIndex
    private let listed: [Ref]?
    /// How many items there are.
    let count: Int

    init(_ hits: HitList, items: HitItems, index: EvidenceIndex) {
        self.hits = hits
        self.items = items
        self.index = index
        listed = hits.all.allSatisfy { $0.event != nil } ? nil : Self.all(in: hits, items: items)
        count = listed?.count ?? hits.count
    }

    /// The position of item `i`.
    subscript(_ i: Int) -> Ref { listed?[i] ?? Ref(hit: i, item: 0) }

    /// Item `i`'s time.
    func time(_ i: Int) -> Date? {
        let r = self[i]
        if let list = hits[r.hit].itemList { return items[list][r.item].time }
        // An occurrence's hit carries its instant.
        return hits[r.hit].time
    }

    /// Item `i`'s source.
    func source(_ i: Int) -> SourcePointer? {
        let r = self[i]
        if let list = hits[r.hit].itemList { return items[list][r.item].source }
        return hits[r.hit].source(index, items)
    }

    /// Item `i`.
    func item(_ i: Int) -> PendingEvidence {
        let r = self[i]
        if let list = hits[r.hit].itemList { return items[list][r.item] }
        // A hit that is not on items is an occurrence.
        return hits[r.hit].item(index) ?? PendingEvidence(label: "", source: nil, time: nil, excerpt: nil)
    }

    /// Field `name` of item `i`.
    func field(_ name: String, of i: Int) -> FieldValue? {
        let r = self[i]
        if let list = hits[r.hit].itemList { return items[list][r.item].fields[name] }
        return hits[r.hit].event.flatMap { index.evidence.events[$0].fields[name] }
    }

    /// Whether item `i` has fields.
    func hasFields(_ i: Int) -> Bool {
        let r = self[i]
        if let list = hits[r.hit].itemList { return !items[list][r.item].fields.isEmpty }
        return hits[r.hit].event.map { !index.evidence.events[$0].fields.isEmpty } ?? false
    }

    /// The event index when item `i` is an occurrence of an event (all its occurrences then group alike in
    /// ``EvidenceSelection`` when it has fields); nil otherwise.
    func event(_ i: Int) -> Int? { hits[self[i].hit].event }

    /// The items of `hits` in order, hit by hit.
    private static func all(in hits: HitList, items: HitItems) -> [Ref] {
        var out: [Ref] = []
        out.reserveCapacity(hits.count)
        for (h, hit) in hits.all.enumerated() {
            if let list = hit.itemList {
                for i in items[list].indices { out.append(Ref(hit: h, item: i)) }
            } else {
                out.append(Ref(hit: h, item: 0))
            }
        }
        return out
    }
}
