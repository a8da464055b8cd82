import Foundation

/// Evaluates a condition over the selections' hits. A true result carries the hits that made it true
/// (the evidence of the finding); `not` contributes none. The selections' hit arrays are shared, never joined into
/// a copy (``HitList``): a busy trace's hits are the largest arrays `analyze` holds.
struct ConditionEvaluator {
    /// Hits per selection name.
    let hits: [String: [SelectionHit]]

    struct Outcome {
        var holds: Bool
        var hits: HitList
        static let no = Outcome(holds: false, hits: HitList())
    }

    func evaluate(_ expression: ConditionExpression) -> Outcome {
        switch expression {
        case .selection(let name):
            let found = hits[name] ?? []
            return Outcome(holds: !found.isEmpty, hits: HitList(found))
        case .not(let inner):
            return Outcome(holds: !evaluate(inner).holds, hits: HitList())
        case .and(let operands):
            var collected = HitList()
            for operand in operands {
                let outcome = evaluate(operand)
                guard outcome.holds else { return .no }
                collected.append(outcome.hits)
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

    /// The outcomes' hits one after the other, shared.
    private static func joined(_ outcomes: [Outcome]) -> HitList {
        var all = HitList()
        for o in outcomes { all.append(o.hits) }
        return all
    }

    /// Pairs a hit of `a` with a later-or-simultaneous hit of `b` (within `window` when given); untimed hits never pair.
    private func followedBy(_ a: HitList, _ b: HitList, within window: TimeInterval?) -> Outcome {
        let later = b.all.compactMap { hit in hit.time.map { ($0, hit) } }.sorted { $0.0 < $1.0 }
        var pairs: [SelectionHit] = []
        for first in a.all {
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
        return pairs.isEmpty ? .no : Outcome(holds: true, hits: HitList(pairs))
    }

    /// True when some window of length `window` holds at least `needed` timed hits; returns the first such window's hits.
    private func densest(_ found: HitList, window: TimeInterval, atLeast needed: Int) -> Outcome {
        let timed = found.all.filter { $0.time != nil }.sorted { ($0.time ?? .distantPast) < ($1.time ?? .distantPast) }
        guard needed > 0 else { return Outcome(holds: true, hits: HitList(timed)) }
        var start = 0
        for end in timed.indices {
            guard let endTime = timed[end].time else { continue }
            while let startTime = timed[start].time, endTime.timeIntervalSince(startTime) > window { start += 1 }
            if end - start + 1 >= needed { return Outcome(holds: true, hits: HitList(Array(timed[start...end]))) }
        }
        return .no
    }
}
