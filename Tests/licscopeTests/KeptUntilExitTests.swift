import Synchronization
import Testing
@testable import licscope

/// `packets` hands each capture's analysis to ``KeptUntilExit`` so it is not torn down before the process exits;
/// holding a new value must release the one held before, so memory does not pile up over many inputs.
@Suite("kept until exit: the last value stays alive, the one before is released")
struct KeptUntilExitTests {
    /// Counts its own deinitialisations.
    final class Tracked: Sendable {
        let freed: Counter
        init(_ freed: Counter) { self.freed = freed }
        deinit { freed.value.add(1, ordering: .relaxed) }
    }

    /// A shared counter of deinitialisations.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    @Test("the kept value survives its last other reference; keeping another releases it")
    func keepsTheLastOnly() {
        let freed = Counter()
        do {
            let first = Tracked(freed)
            KeptUntilExit.keep(first)
        }
        #expect(freed.value.load(ordering: .relaxed) == 0)
        KeptUntilExit.keep(Tracked(freed))
        #expect(freed.value.load(ordering: .relaxed) == 1)
        KeptUntilExit.keep(0)
        #expect(freed.value.load(ordering: .relaxed) == 2)
    }
}
