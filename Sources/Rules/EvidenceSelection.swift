import Foundation
import LicensingModel

/// Chooses the evidence a finding shows: identical messages grouped (count, first, last, one excerpt), at least
/// one group of each kind of evidence and of each source file, then the rest in time order up to the limit.
///
/// Without it a daily retry line fills the list and the one capture item that shows the cause is cut. Only the
/// groups shown are built (redaction is costly on busy traces).
enum EvidenceSelection {
    /// Fields that differ between repeats of the same message and must not split a group.
    static let volatileFields: Set<String> = [
        "frames", "frame", "src_port", "stream", "attempt", "sequence", "seq", "id", "rtt_ms", "latency_ms", "retries",
    ]

    /// Identical messages: a first item, how many there were, the last one's time.
    struct Group {
        var first: PendingEvidence
        var count = 1
        var lastTime: Date?
    }

    /// What makes two items "the same message": the label, the fields without volatile ones, and for items without
    /// fields (state intervals) the excerpt. Source line and time are not part of it.
    struct Key: Hashable {
        var label: String
        var fields: [String: FieldValue]
        var excerpt: String?

        init(_ item: PendingEvidence) {
            label = item.label
            fields = item.fields.filter { !EvidenceSelection.volatileFields.contains($0.key) }
            excerpt = item.fields.isEmpty ? (item.excerpt ?? item.source?.description) : nil
        }
    }

    /// The groups to show, built, in time order, and how many raw items were left out. `items` are time-ordered.
    /// `sourceText` gives, for the pointers of the state items shown, the text the source holds there (one call).
    static func select(
        _ items: [PendingEvidence], limit: Int,
        sourceText: (Set<SourcePointer>) -> [SourcePointer: String] = { _ in [:] }
    ) -> (shown: [FindingEvidence], omitted: Int) {
        select(group(items), total: items.count, limit: limit, sourceText: sourceText)
    }

    /// ``select(_:limit:sourceText:)`` from the groups of `total` items (``Grouper``).
    static func select(
        _ groups: [Group], total: Int, limit: Int, sourceText: (Set<SourcePointer>) -> [SourcePointer: String]
    ) -> (shown: [FindingEvidence], omitted: Int) {
        var chosen = Set<Int>()
        if groups.count <= limit {
            chosen = Set(groups.indices)
        } else {
            // One group of each label (communication.failed, tls.handshake…), then of each source file, captures first.
            var labels = Set<String>()
            var files = Set<String>()
            let byPriority = groups.indices.sorted { a, b in
                let fa = groups[a].first.source?.isFrame ?? false, fb = groups[b].first.source?.isFrame ?? false
                return fa != fb ? fa : a < b
            }
            for i in byPriority where chosen.count < limit && labels.insert(groups[i].first.label).inserted { chosen.insert(i) }
            for i in byPriority where chosen.count < limit {
                guard let path = groups[i].first.source?.path, files.insert(path).inserted else { continue }
                chosen.insert(i)
            }
            for i in groups.indices where chosen.count < limit { chosen.insert(i) }
        }
        var shown: [FindingEvidence] = []
        var represented = 0
        let stateSources = Set(chosen.compactMap { groups[$0].first.describesState ? groups[$0].first.source : nil })
        let texts = stateSources.isEmpty ? [:] : sourceText(stateSources)
        for i in chosen.sorted() {
            var item = groups[i].first.build(sourceText: groups[i].first.source.flatMap { texts[$0] })
            if groups[i].count > 1 {
                item.count = groups[i].count
                item.lastTime = groups[i].lastTime
            }
            represented += groups[i].count
            shown.append(item)
        }
        return (shown, total - represented)
    }

    /// Identical messages merged, in the order of their first occurrence.
    static func group(_ items: [PendingEvidence]) -> [Group] {
        var grouper = Grouper()
        for item in items { grouper.add(item) }
        return grouper.groups
    }

    /// Merges identical messages item by item, in the order given.
    struct Grouper {
        /// The groups so far, in the order of their first item.
        private(set) var groups: [Group] = []
        private var index: [Key: Int] = [:]
        /// The group of each event whose occurrences were seen (all the occurrences of an event with fields share
        /// their key, so it is made once per event rather than once per occurrence).
        private var byEvent: [Int: Int] = [:]

        /// Adds an item; `event` is the index of the event it is an occurrence of, when it is one.
        mutating func add(_ item: PendingEvidence, event: Int? = nil) {
            add(time: item.time, event: event, hasFields: !item.fields.isEmpty) { item }
        }

        /// Adds the item `make` makes, at `time`; `event` is the index of the event it is an occurrence of, when it
        /// is one, and `hasFields` whether it has fields. The item is made only when its event's group is not known
        /// yet.
        mutating func add(time: Date?, event: Int?, hasFields: Bool, _ make: () -> PendingEvidence) {
            let cached = hasFields ? event : nil
            if let e = cached, let at = byEvent[e] { return merge(time, into: at) }
            let item = make()
            let key = Key(item)
            if let at = index[key] {
                if let e = cached { byEvent[e] = at }
                return merge(time, into: at)
            }
            index[key] = groups.count
            if let e = cached { byEvent[e] = groups.count }
            groups.append(Group(first: item))
        }

        private mutating func merge(_ time: Date?, into at: Int) {
            groups[at].count += 1
            if let t = time, t >= (groups[at].lastTime ?? groups[at].first.time ?? t) { groups[at].lastTime = t }
        }
    }
}

extension SourcePointer {
    /// Whether the pointer names a capture frame.
    var isFrame: Bool {
        if case .frame = location { return true }
        return false
    }
}
