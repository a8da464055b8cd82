import LicensingModel

/// The evidence items of a rule's hits that are not occurrences of events (state intervals, usage row pairs: few),
/// kept beside the hits so that a ``SelectionHit`` stays a fixed 24 bytes; a hit names its list by number.
struct HitItems {
    private var lists: [[PendingEvidence]] = []

    /// No lists yet.
    init() {}

    /// Keeps `items` and returns the number hits name them by.
    mutating func add(_ items: [PendingEvidence]) -> Int {
        lists.append(items)
        return lists.count - 1
    }

    /// List `i`.
    subscript(_ i: Int) -> [PendingEvidence] { lists[i] }
}
