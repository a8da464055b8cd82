/// A condition's hits: the hit arrays of its selections one after the other, shared rather than copied.
///
/// A busy trace's selections hit hundreds of thousands of occurrences; a rule such as `a or b` whose operands both
/// hold used to join their arrays into a new one as large as both, beside them. The list keeps each array as it
/// is (a reference to it) and reads hit `i` through the segment that holds it.
struct HitList {
    /// The arrays, each non-empty, in order.
    private(set) var segments: [[SelectionHit]] = []
    /// The position of each segment's first hit.
    private var starts: [Int] = []
    /// How many hits there are.
    private(set) var count = 0

    /// No hits.
    init() {}

    /// The hits of `hits`, sharing the array.
    init(_ hits: [SelectionHit]) { append(hits) }

    /// Whether there is no hit.
    var isEmpty: Bool { count == 0 }

    /// Appends `hits` (shared, not copied).
    mutating func append(_ hits: [SelectionHit]) {
        guard !hits.isEmpty else { return }
        segments.append(hits)
        starts.append(count)
        count += hits.count
    }

    /// Appends the hits of `other` (its arrays shared, not copied).
    mutating func append(_ other: HitList) {
        for s in other.segments { append(s) }
    }

    /// Hit `i` (`0..<count`).
    subscript(_ i: Int) -> SelectionHit {
        if segments.count == 1 { return segments[0][i] }
        // The last segment starting at or before `i`.
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return segments[lo][i - starts[lo]]
    }

    /// Every hit, in order.
    var all: FlattenSequence<[[SelectionHit]]> { segments.joined() }
}
