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
        // Elements are moved, not copied (a copy of an event retains each string and dictionary it holds, and
        // releases them again when overwritten): along a cycle each slot is moved into from the slot it takes from,
        // the cycle's first element held aside until the cycle closes. `order` was checked above, so every move
        // below has a source and nothing is left moved-out.
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                let held = (base + start).move()
                var i = start
                while true {
                    placed[i] = true
                    let from = order[i]
                    if from == start {
                        (base + i).initialize(to: held)
                        break
                    }
                    (base + i).moveInitialize(from: base + from, count: 1)
                    i = from
                }
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
