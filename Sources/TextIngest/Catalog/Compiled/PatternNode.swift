/// The syntax tree of a catalog pattern in the subset ``PatternParser`` accepts.
indirect enum PatternNode: Sendable {
    /// How a quantifier backtracks.
    enum Mode: Sendable {
        /// As many as possible, giving back one at a time.
        case greedy
        /// As few as possible, taking one more at a time.
        case lazy
        /// As many as possible, never giving back (`*+`, `++`).
        case possessive
    }

    /// A zero-width test.
    enum Assertion: Sendable {
        /// `^` (no multiline flag: the start of the line).
        case start
        /// `$` (the end of the line; lines holding a line terminator never reach a compiled pattern).
        case end
        /// `\b`.
        case wordBoundary
        /// `\B`.
        case notWordBoundary
    }

    /// One byte from the set.
    case byte(ByteSet)
    /// Items one after the other.
    case sequence([PatternNode])
    /// Alternatives, tried in order.
    case alternation([PatternNode])
    /// `node{min,max}` (`max` nil: unbounded).
    case repetition(PatternNode, min: Int, max: Int?, mode: Mode)
    /// A capturing group; `index` numbers the groups from 0 in order of their opening parenthesis.
    case capture(PatternNode, index: Int)
    /// `(?>…)`: the first way the body matches, never revisited.
    case atomic(PatternNode)
    /// `(?=…)` / `(?!…)`.
    case lookahead(PatternNode, negative: Bool)
    /// A zero-width assertion.
    case assertion(Assertion)

    /// The fewest bytes the node can match.
    var minLength: Int {
        switch self {
        case .byte: return 1
        case .sequence(let items): return items.reduce(0) { $0 + $1.minLength }
        case .alternation(let alts): return alts.map(\.minLength).min() ?? 0
        case .repetition(let body, let min, _, _): return body.minLength * min
        case .capture(let body, _), .atomic(let body): return body.minLength
        case .lookahead, .assertion: return 0
        }
    }

    /// The bytes a non-empty match can start with, or nil when the node can match the empty string (then the
    /// first byte is decided by what follows).
    var firstBytes: ByteSet? {
        switch self {
        case .byte(let set): return set
        case .sequence(let items):
            var out = ByteSet()
            for item in items {
                if case .assertion = item { continue }
                if case .lookahead = item { continue }
                guard let first = item.firstBytes else {
                    // An item that may be empty: its bytes, then keep looking at the next item.
                    guard let partial = item.possibleFirstBytes else { return nil }
                    out.formUnion(partial)
                    continue
                }
                out.formUnion(first)
                return out
            }
            return nil
        case .alternation(let alts):
            var out = ByteSet()
            for a in alts {
                guard let f = a.firstBytes else { return nil }
                out.formUnion(f)
            }
            return out
        case .repetition(let body, let min, _, _): return min > 0 ? body.firstBytes : nil
        case .capture(let body, _), .atomic(let body): return body.firstBytes
        case .lookahead, .assertion: return nil
        }
    }

    /// The bytes any match of the node can start with when it is not empty (nil: unknown).
    private var possibleFirstBytes: ByteSet? {
        switch self {
        case .repetition(let body, _, _, _): return body.firstBytes ?? body.possibleFirstBytes
        case .capture(let body, _), .atomic(let body): return body.firstBytes ?? body.possibleFirstBytes
        case .alternation(let alts):
            var out = ByteSet()
            for a in alts {
                guard let f = a.firstBytes ?? a.possibleFirstBytes else { return nil }
                out.formUnion(f)
            }
            return out
        case .sequence: return nil
        default: return firstBytes
        }
    }
}
