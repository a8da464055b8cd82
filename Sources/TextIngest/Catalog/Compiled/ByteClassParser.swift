/// Parses the bracket classes and backslash escapes of the compiled pattern subset (see ``PatternParser``).
enum ByteClassParser {
    /// The set an escape outside a class stands for (`\d`, `\S`, `\.`, `\t`), or nil when it is outside the subset.
    static func escapedSet(_ c: UInt8) -> ByteSet? {
        switch c {
        case UInt8(ascii: "d"): return .digit
        case UInt8(ascii: "D"): return ByteSet.digit.inverted
        case UInt8(ascii: "s"): return .space
        case UInt8(ascii: "S"): return ByteSet.space.inverted
        case UInt8(ascii: "w"): return .word
        case UInt8(ascii: "W"): return ByteSet.word.inverted
        case UInt8(ascii: "t"): return ByteSet([0x09])
        case UInt8(ascii: "n"): return ByteSet([0x0A])
        case UInt8(ascii: "r"): return ByteSet([0x0D])
        case UInt8(ascii: "f"): return ByteSet([0x0C])
        default:
            // Escaped punctuation stands for itself; escaped letters and digits are ICU features left to ICU.
            guard c >= 0x21, c < 0x7F, !ByteSet.word.contains(c) else { return nil }
            return ByteSet([c])
        }
    }

    /// Parses a class whose `[` is just before `pos`; leaves `pos` after its `]`.
    static func parse(_ chars: [UInt8], at pos: inout Int) throws(PatternParser.Unsupported) -> ByteSet {
        func fail(_ what: String) -> PatternParser.Unsupported {
            PatternParser.Unsupported(description: "\(what) at offset \(pos)")
        }
        var set = ByteSet()
        var negated = false
        // `[:alpha:]`, `[]…]`, nested sets and set operations are ICU UnicodeSet syntax: not compiled.
        if pos < chars.count, chars[pos] == UInt8(ascii: ":") { throw fail("class syntax") }
        if pos < chars.count, chars[pos] == UInt8(ascii: "^") {
            negated = true
            pos += 1
        }
        if pos < chars.count, chars[pos] == UInt8(ascii: "]") { throw fail("class syntax") }
        var previous: UInt8?  // the last single character, for a following range
        var atStart = true
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            defer { atStart = false }
            switch c {
            case UInt8(ascii: "]"):
                return negated ? set.inverted : set
            case UInt8(ascii: "["), UInt8(ascii: "&"):
                throw fail("nested class or set operation")
            case UInt8(ascii: "\\"):
                guard pos < chars.count, let s = escapedSet(chars[pos]) else { throw fail("class escape") }
                pos += 1
                set.formUnion(s)
                previous = single(s)
            case UInt8(ascii: "-"):
                // `-` first or last is literal; between two characters it makes a range.
                let last = pos < chars.count && chars[pos] == UInt8(ascii: "]")
                if atStart || last {
                    if pos < chars.count, chars[pos] == UInt8(ascii: "-") { throw fail("set operation") }
                    set.insert(c)
                    previous = nil
                    atStart = false
                    continue
                }
                guard let low = previous, pos < chars.count else { throw fail("class range") }
                var high = chars[pos]
                pos += 1
                if high == UInt8(ascii: "\\") {
                    guard pos < chars.count, let s = escapedSet(chars[pos]), let h = single(s) else { throw fail("class range") }
                    high = h
                    pos += 1
                } else if high == UInt8(ascii: "[") || high == UInt8(ascii: "-") {
                    throw fail("class range")
                }
                guard low <= high else { throw fail("reversed class range") }
                for b in low...high { set.insert(b) }
                previous = nil
            default:
                set.insert(c)
                previous = c
            }
        }
        throw fail("unclosed class")
    }

    /// The one byte of a single-byte set, or nil.
    private static func single(_ s: ByteSet) -> UInt8? {
        var found: UInt8?
        for b in 0...255 where s.contains(UInt8(b)) {
            if found != nil { return nil }
            found = UInt8(b)
        }
        return found
    }
}
