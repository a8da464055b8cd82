import Foundation

/// Evaluates a condition over the selections' hits. A true result carries the hits that made it true
/// (the evidence of the finding); `not` contributes none.
struct ConditionEvaluator {
    /// Hits per selection name.
    let hits: [String: [SelectionHit]]

    struct Outcome {
        var holds: Bool
        var hits: [SelectionHit]
        static let no = Outcome(holds: false, hits: [])
    }

    func evaluate(_ expression: ConditionExpression) -> Outcome {
        switch expression {
        case .selection(let name):
            let found = hits[name] ?? []
            return Outcome(holds: !found.isEmpty, hits: found)
        case .not(let inner):
            return Outcome(holds: !evaluate(inner).holds, hits: [])
        case .and(let operands):
            var collected: [SelectionHit] = []
            for operand in operands {
                let outcome = evaluate(operand)
                guard outcome.holds else { return .no }
                Self.append(outcome.hits, to: &collected)
            }
            return Outcome(holds: true, hits: collected)
        case .or(let operands):
            let held = operands.map(evaluate).filter(\.holds)
            return held.isEmpty ? .no : Outcome(holds: true, hits: Self.joined(held))
        case .atLeast(let n, let operands):
            let held = operands.map(evaluate).filter(\.holds)
            return held.count >= n ? Outcome(holds: true, hits: Self.joined(held)) : .no
        case .followedBy(let first, let second, let window):
            return followedBy(evaluate(first).hits, evaluate(second).hits, within: window)
        case .count(let inner, let comparison, let bound, let window):
            let found = evaluate(inner).hits
            guard let window else {
                return comparison.holds(found.count, bound) ? Outcome(holds: true, hits: found) : .no
            }
            return densest(found, window: window, atLeast: comparison == .greater ? bound + 1 : bound)
        }
    }

    /// The outcomes' hits one after the other; one outcome's hits are shared, not copied (a busy trace's hits are
    /// the largest arrays `analyze` holds).
    private static func joined(_ outcomes: [Outcome]) -> [SelectionHit] {
        var all: [SelectionHit] = []
        for o in outcomes { append(o.hits, to: &all) }
        return all
    }

    /// `hits` appended to `all`, taking `hits` itself when `all` is empty.
    private static func append(_ hits: [SelectionHit], to all: inout [SelectionHit]) {
        if all.isEmpty { all = hits } else { all += hits }
    }

    /// Pairs a hit of `a` with a later-or-simultaneous hit of `b` (within `window` when given); untimed hits never pair.
    private func followedBy(_ a: [SelectionHit], _ b: [SelectionHit], within window: TimeInterval?) -> Outcome {
        let later = b.compactMap { hit in hit.time.map { ($0, hit) } }.sorted { $0.0 < $1.0 }
        var pairs: [SelectionHit] = []
        for first in a {
            guard let start = first.time else { continue }
            // The first of `later` at or after `start`, found by bisection (a busy trace pairs hundreds of thousands).
            var lo = 0, hi = later.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if later[mid].0 < start { lo = mid + 1 } else { hi = mid }
            }
            guard lo < later.count else { continue }
            let next = later[lo]
            if let window, next.0.timeIntervalSince(start) > window { continue }
            pairs += [first, next.1]
        }
        return pairs.isEmpty ? .no : Outcome(holds: true, hits: pairs)
    }

    /// True when some window of length `window` holds at least `needed` timed hits; returns the first such window's hits.
    private func densest(_ found: [SelectionHit], window: TimeInterval, atLeast needed: Int) -> Outcome {
        let timed = found.filter { $0.time != nil }.sorted { ($0.time ?? .distantPast) < ($1.time ?? .distantPast) }
        guard needed > 0 else { return Outcome(holds: true, hits: timed) }
        var start = 0
        for end in timed.indices {
            guard let endTime = timed[end].time else { continue }
            while let startTime = timed[start].time, endTime.timeIntervalSince(startTime) > window { start += 1 }
            if end - start + 1 >= needed { return Outcome(holds: true, hits: Array(timed[start...end])) }
        }
        return .no
    }
}
