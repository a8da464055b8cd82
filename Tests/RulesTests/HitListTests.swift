import Foundation
import Testing

@testable import Rules

/// A condition's hits are the selections' arrays shared one after the other: reading them gives what joining them
/// into one array gave, and `or`/`and` of selections that hold keep the arrays instead of copying them.
@Suite("hit lists share the selections' hits")
struct HitListTests {
    static func hits(_ n: Int, from event: Int) -> [SelectionHit] {
        (0..<n).map { SelectionHit(time: Date(timeIntervalSinceReferenceDate: Double($0)), event: event + $0) }
    }

    @Test("segments read as their concatenation", arguments: [[0], [3], [1, 1], [5, 0, 2], [2, 7, 1, 4]])
    func readsAsConcatenation(sizes: [Int]) {
        var list = HitList()
        var joined: [SelectionHit] = []
        for (k, n) in sizes.enumerated() {
            let part = Self.hits(n, from: 100 * k)
            list.append(part)
            joined += part
        }
        #expect(list.count == joined.count)
        #expect(list.isEmpty == joined.isEmpty)
        #expect((0..<list.count).map { list[$0] } == joined)
        #expect(Array(list.all) == joined)
        #expect(list.segments.count == sizes.filter { $0 > 0 }.count)
    }

    @Test("or and and of selections that hold keep each selection's array")
    func conditionsShare() {
        let (a, b) = (Self.hits(4, from: 0), Self.hits(3, from: 50))
        let evaluator = ConditionEvaluator(hits: ["a": a, "b": b])
        for condition: ConditionExpression in [.or([.selection("a"), .selection("b")]), .and([.selection("a"), .selection("b")])] {
            let outcome = evaluator.evaluate(condition)
            #expect(outcome.holds)
            #expect(outcome.hits.segments.count == 2)
            #expect(Array(outcome.hits.all) == a + b)
        }
    }
}
