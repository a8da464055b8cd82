/// Reordering a large array in place, so that sorting a timeline of hundreds of thousands of events by sorted indices
/// does not hold a second copy of it.
extension Array {
    /// Reorders the elements so that the element at `i` is the one that was at `order[i]`. `order` must be a
    /// permutation of the indices (as `indices.sorted(by:)` gives); anything else leaves the array unchanged.
    /// Follows the permutation's cycles: one element held aside per cycle, one byte of bookkeeping per element.
    public mutating func permute(by order: [Int]) {
        guard order.count == count else { return }
        var placed = [Bool](repeating: false, count: count)
        for k in order {
            guard k >= 0, k < count, !placed[k] else { return }
            placed[k] = true
        }
        placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            let held = self[start]
            var i = start
            while true {
                placed[i] = true
                let from = order[i]
                if from == start {
                    self[i] = held
                    break
                }
                self[i] = self[from]
                i = from
            }
        }
    }

    /// The order that undoes ``permute(by:)`` with `order`.
    public static func inverse(of order: [Int]) -> [Int] {
        var out = [Int](repeating: 0, count: order.count)
        for (i, k) in order.enumerated() where k >= 0 && k < order.count { out[k] = i }
        return out
    }
}
