/// A catalog pattern compiled into instructions for ``PatternMachine`` (a backtracking matcher over the bytes of
/// an ASCII line with ICU's match order: leftmost start, then alternatives in order, greedy quantifiers longest
/// first, lazy ones shortest first).
struct PatternProgram: Sendable {
    /// One instruction.
    enum Op: Sendable {
        /// Consume one byte of the set.
        case byte(ByteSet)
        /// Consume `min…max` bytes of the set (a quantified class: `\S+`, `[^)]*?`, `.*`).
        case run(ByteSet, min: Int, max: Int, mode: PatternNode.Mode)
        /// Continue at `prefer`; on failure, at `other`.
        case split(prefer: Int, other: Int)
        /// Continue at the target.
        case jump(Int)
        /// Record the position in a capture slot (group `i` starts in slot `2i`, ends in `2i + 1`).
        case save(Int)
        /// A zero-width test.
        case assert(PatternNode.Assertion)
        /// Run the sub-program at `start` and keep its first match only.
        case atomic(start: Int)
        /// Run the sub-program at `start` without consuming; continue when it matches (`negative`: when it does not).
        case lookahead(start: Int, negative: Bool)
        /// The (sub-)program matched.
        case succeed
    }

    /// The instructions; the main program starts at 0.
    let ops: [Op]
    /// Two per capture group.
    let slotCount: Int
    /// The bytes a match can start with (nil: any position may start one).
    let firstBytes: ByteSet?
    /// Whether a match can only start at offset 0 (`^…`).
    let anchoredAtStart: Bool

    /// The most instructions a pattern may compile to (counted repetitions of groups are unrolled).
    static let maxOps = 4096

    /// Compiles a parsed pattern.
    /// - Throws: ``PatternParser/Unsupported`` when the program would be too large.
    init(_ node: PatternNode, groupCount: Int) throws(PatternParser.Unsupported) {
        var ops: [Op] = []
        try Self.emit(node, into: &ops)
        ops.append(.succeed)
        self.ops = ops
        slotCount = groupCount * 2
        firstBytes = node.minLength > 0 ? node.firstBytes : nil
        switch node {
        case .assertion(.start): anchoredAtStart = true
        case .sequence(let items):
            if case .assertion(.start)? = items.first { anchoredAtStart = true } else { anchoredAtStart = false }
        default: anchoredAtStart = false
        }
    }

    private static func emit(_ node: PatternNode, into ops: inout [Op]) throws(PatternParser.Unsupported) {
        guard ops.count < maxOps else { throw PatternParser.Unsupported(description: "program too large") }
        switch node {
        case .byte(let set): ops.append(.byte(set))
        case .sequence(let items): for item in items { try emit(item, into: &ops) }
        case .alternation(let alts):
            // split(a1, next); a1; jump end; next: split(a2, …) …; last alternative plain.
            var jumps: [Int] = []
            for (i, alt) in alts.enumerated() {
                if i < alts.count - 1 {
                    let split = ops.count
                    ops.append(.jump(-1))
                    try emit(alt, into: &ops)
                    jumps.append(ops.count)
                    ops.append(.jump(-1))
                    ops[split] = .split(prefer: split + 1, other: ops.count)
                } else {
                    try emit(alt, into: &ops)
                }
            }
            for j in jumps { ops[j] = .jump(ops.count) }
        case .capture(let body, let index):
            ops.append(.save(2 * index))
            try emit(body, into: &ops)
            ops.append(.save(2 * index + 1))
        case .assertion(let a): ops.append(.assert(a))
        case .atomic(let body): try emitSub(body, into: &ops) { .atomic(start: $0) }
        case .lookahead(let body, let negative): try emitSub(body, into: &ops) { .lookahead(start: $0, negative: negative) }
        case .repetition(let body, let min, let max, let mode):
            if case .byte(let set) = body {
                ops.append(.run(set, min: min, max: max ?? Int.max, mode: mode))
            } else if mode == .possessive {
                try emit(.atomic(.repetition(body, min: min, max: max, mode: .greedy)), into: &ops)
            } else {
                try emitLoop(body, min: min, max: max, lazy: mode == .lazy, into: &ops)
            }
        }
    }

    /// `op(start)`, a jump over the body, the body, `succeed`.
    private static func emitSub(_ body: PatternNode, into ops: inout [Op], _ op: (Int) -> Op)
        throws(PatternParser.Unsupported)
    {
        let at = ops.count
        ops.append(.succeed)
        ops.append(.jump(-1))
        try emit(body, into: &ops)
        ops.append(.succeed)
        ops[at] = op(at + 2)
        ops[at + 1] = .jump(ops.count)
    }

    /// The body `min` times, then either a loop (no maximum) or `max - min` optional copies sharing one exit.
    private static func emitLoop(_ body: PatternNode, min: Int, max: Int?, lazy: Bool, into ops: inout [Op])
        throws(PatternParser.Unsupported)
    {
        for _ in 0..<min { try emit(body, into: &ops) }
        func split(_ at: Int, body: Int, exit: Int) -> Op {
            lazy ? .split(prefer: exit, other: body) : .split(prefer: body, other: exit)
        }
        guard let max else {
            let top = ops.count
            ops.append(.jump(-1))
            try emit(body, into: &ops)
            ops.append(.jump(top))
            ops[top] = split(top, body: top + 1, exit: ops.count)
            return
        }
        var splits: [Int] = []
        for _ in min..<Swift.max(min, max) {
            splits.append(ops.count)
            ops.append(.jump(-1))
            try emit(body, into: &ops)
        }
        for s in splits { ops[s] = split(s, body: s + 1, exit: ops.count) }
    }
}
