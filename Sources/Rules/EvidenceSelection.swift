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
        let groups = group(items)
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
        return (shown, items.count - represented)
    }

    /// Identical messages merged, in the order of their first occurrence.
    static func group(_ items: [PendingEvidence]) -> [Group] {
        var index: [Key: Int] = [:]
        var out: [Group] = []
        for item in items {
            let key = Key(item)
            guard let at = index[key] else {
                index[key] = out.count
                out.append(Group(first: item))
                continue
            }
            out[at].count += 1
            if let t = item.time, t >= (out[at].lastTime ?? out[at].first.time ?? t) { out[at].lastTime = t }
        }
        return out
    }
}

extension SourcePointer {
    /// Whether the pointer names a capture frame.
    var isFrame: Bool {
        if case .frame = location { return true }
        return false
    }
}
