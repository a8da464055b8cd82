/// Parses the subset of ICU regex syntax that ``CompiledPattern`` runs without ICU, or says why a pattern is
/// outside it (the pattern then runs through `NSRegularExpression` alone).
///
/// The subset: ASCII literals and escaped punctuation; `.`; `\d \D \s \S \w \W`; `\b \B ^ $`; classes of ASCII
/// characters, ranges and those escapes (`[^\s<>]`, `[A-Za-z_$]`); `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each greedy,
/// lazy (`?`) or possessive (`+`); groups `(…)`, `(?:…)`, `(?<name>…)`, `(?>…)`, `(?=…)`, `(?!…)`; alternation.
/// Outside it: flags, back-references, look-behind, `\p{…}`, `\Q…\E`, hex and Unicode escapes, set operations,
/// non-ASCII pattern text, and loops whose body can match the empty string.
struct PatternParser {
    /// Why a pattern is not compiled.
    struct Unsupported: Error, CustomStringConvertible {
        /// What was found, and where.
        let description: String
    }

    private let chars: [UInt8]
    private var pos = 0
    private var groups = 0
    /// Group names in order of appearance, indexed like ``PatternNode/capture(_:index:)``; nil for unnamed groups.
    private(set) var groupNames: [String?] = []

    private init(_ source: String) { chars = Array(source.utf8) }

    /// Parses `source`.
    /// - Returns: the tree and the name of each capture group (nil for unnamed ones).
    /// - Throws: ``Unsupported`` when the pattern uses anything outside the subset.
    static func parse(_ source: String) throws(Unsupported) -> (node: PatternNode, groupNames: [String?]) {
        var p = PatternParser(source)
        if p.chars.contains(where: { $0 >= 0x80 || $0 < 0x20 }) { throw p.fail("non-ASCII or control characters") }
        let node = try p.alternation()
        guard p.pos == p.chars.count else { throw p.fail("unbalanced `)`") }
        return (node, p.groupNames)
    }

    private func fail(_ what: String) -> Unsupported { Unsupported(description: "\(what) at offset \(pos)") }

    private var peek: UInt8? { pos < chars.count ? chars[pos] : nil }

    private func peek(_ offset: Int) -> UInt8? { pos + offset < chars.count ? chars[pos + offset] : nil }

    private mutating func alternation() throws(Unsupported) -> PatternNode {
        var alts = [try sequence()]
        while peek == UInt8(ascii: "|") {
            pos += 1
            alts.append(try sequence())
        }
        return alts.count == 1 ? alts[0] : .alternation(alts)
    }

    private mutating func sequence() throws(Unsupported) -> PatternNode {
        var items: [PatternNode] = []
        while let c = peek, c != UInt8(ascii: "|"), c != UInt8(ascii: ")") {
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func quantified(_ atom: PatternNode) throws(Unsupported) -> PatternNode {
        guard let c = peek else { return atom }
        var min = 0
        var max: Int?
        switch c {
        case UInt8(ascii: "*"): pos += 1
        case UInt8(ascii: "+"): pos += 1; min = 1
        case UInt8(ascii: "?"): pos += 1; max = 1
        case UInt8(ascii: "{"): (min, max) = try interval()
        default: return atom
        }
        if case .assertion = atom { throw fail("quantified assertion") }
        if case .lookahead = atom { throw fail("quantified look-ahead") }
        if max != 1, atom.minLength == 0 { throw fail("loop whose body can match the empty string") }
        var mode = PatternNode.Mode.greedy
        if peek == UInt8(ascii: "?") {
            mode = .lazy
            pos += 1
        } else if peek == UInt8(ascii: "+") {
            mode = .possessive
            pos += 1
        }
        if let n = peek, [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(n) {
            throw fail("stacked quantifiers")
        }
        return .repetition(atom, min: min, max: max, mode: mode)
    }

    /// `{n}`, `{n,}`, `{n,m}` (at most 1000).
    private mutating func interval() throws(Unsupported) -> (Int, Int?) {
        pos += 1
        func number() -> Int? {
            var n: Int?
            while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9"), (n ?? 0) < 1000 {
                n = (n ?? 0) * 10 + Int(c - UInt8(ascii: "0"))
                pos += 1
            }
            return n
        }
        guard let low = number(), low <= 1000 else { throw fail("interval") }
        var high: Int? = low
        if peek == UInt8(ascii: ",") {
            pos += 1
            high = number()
            if let h = high, h < low || h > 1000 { throw fail("interval") }
        }
        guard peek == UInt8(ascii: "}") else { throw fail("interval") }
        pos += 1
        return (low, high)
    }

    private mutating func atom() throws(Unsupported) -> PatternNode {
        guard let c = peek else { throw fail("end of pattern") }
        pos += 1
        switch c {
        case UInt8(ascii: "("): return try group()
        case UInt8(ascii: "["): return .byte(try ByteClassParser.parse(chars, at: &pos))
        case UInt8(ascii: "."): return .byte(.dot)
        case UInt8(ascii: "^"): return .assertion(.start)
        case UInt8(ascii: "$"): return .assertion(.end)
        case UInt8(ascii: "\\"): return try escape()
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "]"):
            pos -= 1
            throw fail("bare `\(Character(Unicode.Scalar(c)))`")
        default: return .byte(ByteSet([c]))
        }
    }

    private mutating func escape() throws(Unsupported) -> PatternNode {
        guard let c = peek else { throw fail("trailing backslash") }
        pos += 1
        switch c {
        case UInt8(ascii: "b"): return .assertion(.wordBoundary)
        case UInt8(ascii: "B"): return .assertion(.notWordBoundary)
        default:
            guard let set = ByteClassParser.escapedSet(c) else {
                pos -= 1
                throw fail("escape `\\\(Character(Unicode.Scalar(c)))`")
            }
            return .byte(set)
        }
    }

    private mutating func group() throws(Unsupported) -> PatternNode {
        var kind = 0  // 0 capture, 1 non-capturing, 2 atomic, 3 look-ahead, 4 negative look-ahead
        var name: String?
        if peek == UInt8(ascii: "?") {
            switch peek(1) {
            case UInt8(ascii: ":"): kind = 1; pos += 2
            case UInt8(ascii: ">"): kind = 2; pos += 2
            case UInt8(ascii: "="): kind = 3; pos += 2
            case UInt8(ascii: "!"): kind = 4; pos += 2
            case UInt8(ascii: "<"):
                let start = pos + 2
                var end = start
                while end < chars.count, Self.isNameByte(chars[end]) { end += 1 }
                guard end > start, end < chars.count, chars[end] == UInt8(ascii: ">") else {
                    throw fail("look-behind or malformed group name")
                }
                name = String(decoding: chars[start..<end], as: UTF8.self)
                if groupNames.contains(name) { throw fail("duplicate group name") }
                pos = end + 1
            default: throw fail("group flags")
            }
        }
        var index = -1
        if kind == 0 {
            index = groups
            groups += 1
            groupNames.append(name)
        }
        let body = try alternation()
        guard peek == UInt8(ascii: ")") else { throw fail("unclosed group") }
        pos += 1
        switch kind {
        case 0: return .capture(body, index: index)
        case 1: return body
        case 2: return .atomic(body)
        default: return .lookahead(body, negative: kind == 4)
        }
    }

    /// Letters, digits and `_` (the catalog allows `_` in names; they are renamed for ICU).
    static func isNameByte(_ b: UInt8) -> Bool {
        ByteSet.word.contains(b)
    }
}
