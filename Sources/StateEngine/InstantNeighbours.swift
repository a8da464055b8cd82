import Foundation

/// For a few instants (the renewal due times ``ExpectedActivity`` checks), the nearest evidence instant at or
/// before each and at or after each, found in one pass over every occurrence's instant — without a list of them, so
/// the check holds the due times and not one value per line.
struct InstantNeighbours {
    /// The instants asked about, ascending, distinct.
    let targets: [Date]
    /// For each target, the latest instant seen at or before it whose next target is that one (prefix maxima give
    /// the answer).
    private var latestBefore: [Date?]
    /// For each target, the earliest instant seen at or after it whose previous target is that one.
    private var earliestAfter: [Date?]

    /// Neighbours of `targets` (any order, duplicates allowed), none seen yet.
    init(_ targets: some Sequence<Date>) {
        self.targets = Array(Set(targets)).sorted()
        latestBefore = Array(repeating: nil, count: self.targets.count)
        earliestAfter = Array(repeating: nil, count: self.targets.count)
    }

    /// Takes one evidence instant into account.
    mutating func see(_ t: Date) {
        guard !targets.isEmpty else { return }
        // The first target at or after t.
        var lo = 0, hi = targets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        if lo < targets.count, latestBefore[lo].map({ $0 < t }) ?? true { latestBefore[lo] = t }
        // The last target at or before t.
        let last = lo < targets.count && targets[lo] == t ? lo : lo - 1
        if last >= 0, earliestAfter[last].map({ $0 > t }) ?? true { earliestAfter[last] = t }
    }

    /// For each target (in ``targets`` order), the latest instant seen at or before it and the earliest seen at or
    /// after it.
    func neighbours() -> [Date: (before: Date?, after: Date?)] {
        var before = latestBefore
        for j in before.indices.dropFirst() {
            if let p = before[j - 1], before[j].map({ $0 < p }) ?? true { before[j] = p }
        }
        var after = earliestAfter
        for j in after.indices.reversed().dropFirst() {
            if let n = after[j + 1], after[j].map({ $0 > n }) ?? true { after[j] = n }
        }
        var out: [Date: (before: Date?, after: Date?)] = [:]
        for (j, t) in targets.enumerated() { out[t] = (before[j], after[j]) }
        return out
    }
}
