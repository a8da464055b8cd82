/// Runs a ``PatternProgram`` over the bytes of one line by backtracking, in ICU's order, so the first match and its
/// captures are the ones `NSRegularExpression` finds.
///
/// Work is bounded: every instruction executed spends one unit of `budget`; when it runs out the machine gives up
/// (``Outcome/exhausted``) and the caller asks ICU instead.
struct PatternMachine {
    /// How a run ended.
    enum Outcome: Equatable {
        /// Matched, ending at the offset.
        case matched(Int)
        /// No match from that start.
        case failed
        /// The budget ran out.
        case exhausted
    }

    private enum Frame {
        /// Resume at `pc` with the position.
        case branch(pc: Int, pos: Int)
        /// Put back a capture slot's previous value.
        case restore(slot: Int, value: Int)
        /// A greedy run may give back bytes down to `low`; it is now at `cur`.
        case greedy(op: Int, low: Int, cur: Int)
        /// A lazy run may take more bytes; it is at `cur` after `count` of them.
        case lazy(op: Int, cur: Int, count: Int)
    }

    let program: PatternProgram
    let bytes: UnsafeBufferPointer<UInt8>
    /// Capture slots (-1: unset); after a match, the match's captures.
    private(set) var slots: [Int]
    /// Instructions left before giving up.
    var budget: Int
    /// Backtracking state, shared by nested runs (atomic groups, look-aheads) above their base.
    private var stack: [Frame] = []

    /// A machine for `program` over `bytes`.
    init(program: PatternProgram, bytes: UnsafeBufferPointer<UInt8>, budget: Int) {
        self.program = program
        self.bytes = bytes
        self.budget = budget
        slots = [Int](repeating: -1, count: program.slotCount)
        stack.reserveCapacity(32)
    }

    /// Runs the main program from offset `start`; on a match, ``slots`` hold its captures.
    mutating func run(at start: Int) -> Outcome {
        stack.removeAll(keepingCapacity: true)
        return run(pc: 0, at: start)
    }

    /// Runs from instruction `pc` at offset `start`. On a match the frames it pushed stay above the stack's
    /// height at entry (the caller keeps or undoes them); on failure they are all popped (captures restored).
    private mutating func run(pc startPC: Int, at start: Int) -> Outcome {
        let ops = program.ops
        let n = bytes.count
        let base = stack.count
        var pc = startPC
        var pos = start
        while true {
            budget -= 1
            if budget < 0 { return .exhausted }
            var ok = true
            switch ops[pc] {
            case .byte(let set):
                if pos < n, set.contains(bytes[pos]) {
                    pos += 1
                    pc += 1
                } else {
                    ok = false
                }
            case .run(let set, let min, let max, let mode):
                let limit = max >= n - pos ? n : pos + max
                var end = pos
                if mode == .lazy {
                    while end < pos + min, end < limit, set.contains(bytes[end]) { end += 1 }
                    if end - pos < min {
                        ok = false
                    } else {
                        if min < max { stack.append(.lazy(op: pc, cur: end, count: min)) }
                        pos = end
                        pc += 1
                    }
                } else {
                    while end < limit, set.contains(bytes[end]) { end += 1 }
                    budget -= (end - pos) >> 4
                    if end - pos < min {
                        ok = false
                    } else {
                        if mode == .greedy, end > pos + min { stack.append(.greedy(op: pc, low: pos + min, cur: end)) }
                        pos = end
                        pc += 1
                    }
                }
            case .split(let prefer, let other):
                stack.append(.branch(pc: other, pos: pos))
                pc = prefer
            case .jump(let target): pc = target
            case .save(let slot):
                stack.append(.restore(slot: slot, value: slots[slot]))
                slots[slot] = pos
                pc += 1
            case .assert(let a):
                if holds(a, at: pos) { pc += 1 } else { ok = false }
            case .atomic(let sub):
                let subBase = stack.count
                switch run(pc: sub, at: pos) {
                case .exhausted: return .exhausted
                case .failed: ok = false
                case .matched(let end):
                    keepCaptures(above: subBase)
                    pos = end
                    pc += 1
                }
            case .lookahead(let sub, let negative):
                let subBase = stack.count
                switch run(pc: sub, at: pos) {
                case .exhausted: return .exhausted
                case .matched:
                    if negative {
                        undo(above: subBase)
                        ok = false
                    } else {
                        keepCaptures(above: subBase)
                        pc += 1
                    }
                case .failed:
                    if negative { pc += 1 } else { ok = false }
                }
            case .succeed: return .matched(pos)
            }
            if ok { continue }
            guard backtrack(above: base, pc: &pc, pos: &pos) else { return .failed }
        }
    }

    /// Drops the alternatives a finished sub-program left above `height`, keeping the capture restores (so that
    /// backtracking past it still restores the captures it set).
    private mutating func keepCaptures(above height: Int) {
        var kept = height
        for i in height..<stack.count {
            if case .restore = stack[i] {
                stack[kept] = stack[i]
                kept += 1
            }
        }
        stack.removeSubrange(kept...)
    }

    /// Pops everything above `height`, restoring the captures set there.
    private mutating func undo(above height: Int) {
        while stack.count > height, let frame = stack.popLast() {
            if case .restore(let slot, let value) = frame { slots[slot] = value }
        }
    }

    /// Pops the stack to the next alternative; false when none is left.
    private mutating func backtrack(above base: Int, pc: inout Int, pos: inout Int) -> Bool {
        while stack.count > base, let frame = stack.popLast() {
            switch frame {
            case .restore(let slot, let value): slots[slot] = value
            case .branch(let p, let q):
                pc = p
                pos = q
                return true
            case .greedy(let op, let low, let cur):
                if cur - 1 > low { stack.append(.greedy(op: op, low: low, cur: cur - 1)) }
                pc = op + 1
                pos = cur - 1
                return true
            case .lazy(let op, let cur, let count):
                guard case .run(let set, _, let max, _) = program.ops[op], count < max, cur < bytes.count,
                    set.contains(bytes[cur])
                else { continue }
                stack.append(.lazy(op: op, cur: cur + 1, count: count + 1))
                pc = op + 1
                pos = cur + 1
                return true
            }
        }
        return false
    }

    private func holds(_ a: PatternNode.Assertion, at pos: Int) -> Bool {
        switch a {
        case .start: return pos == 0
        case .end: return pos == bytes.count
        case .wordBoundary, .notWordBoundary:
            let before = pos > 0 && ByteSet.word.contains(bytes[pos - 1])
            let after = pos < bytes.count && ByteSet.word.contains(bytes[pos])
            return (before != after) == (a == .wordBoundary)
        }
    }
}
