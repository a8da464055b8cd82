import Foundation
import TestSupport
import Testing

@testable import LicensingModel

/// The one k-way merge: cursors over ascending runs come out as one ascending run, whatever order they went in.
@Suite("cursor heap")
struct CursorHeapTests {
    /// A run of ascending numbers, at `at`.
    struct Run {
        var values: [Int]
        var at = 0
        var current: Int { values[at] }
    }

    @Test("merging ascending runs gives every value, ascending", arguments: Array(UInt64(1)...30))
    func merges(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let runs = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
            Run(values: (0..<Int.random(in: 1...50, using: &rng)).map { _ in Int.random(in: -20...200, using: &rng) }.sorted())
        }
        var heap = CursorHeap<Run>()
        let before = { (a: Run, b: Run) in a.current < b.current }
        for r in runs { heap.push(r, by: before) }
        #expect(heap.count == runs.count)
        var out: [Int] = []
        while let v = heap.peek(\.current) {
            out.append(v)
            heap.advanceFirst(by: before) { run in
                run.at += 1
                return run.at < run.values.count
            }
        }
        #expect(out == runs.flatMap(\.values).sorted())
        #expect(heap.isEmpty)
    }

    @Test("popping gives the elements in order")
    func pops() {
        var rng = SplitMix(seed: 5)
        let values = (0..<500).map { _ in Int.random(in: 0...99, using: &rng) }
        var heap = CursorHeap<Int>(capacity: values.count)
        for v in values { heap.push(v, by: <) }
        var out: [Int] = []
        while let v = heap.popFirst(by: <) { out.append(v) }
        #expect(out == values.sorted())
        #expect(heap.first == nil)
    }
}
