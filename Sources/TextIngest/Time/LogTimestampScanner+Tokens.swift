extension LogTimestampScanner {
    /// The next space-separated word from `start` with its decoration stripped (`<134>`, `label:`, `*`, `.`, `[`,
    /// `(`, trailing `:`, `,`, `]`, `|`, `)`, CR; nil when nothing is left of it), and where the word ends; nil at the
    /// end of the line. Every boundary it picks is next to an ASCII byte, so it is a character boundary.
    static func nextToken(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>?, Int)? {
        var idx = start
        let n = u.count
        while idx < n, u[idx] == 0x20 || u[idx] == 0x09 { idx += 1 }
        guard idx < n else { return nil }
        var end = idx
        while end < n, u[end] != 0x20, u[end] != 0x09 { end += 1 }
        var lo = idx
        if u[lo] == 0x3C {  // <digits>
            var close = lo + 1
            while close < end, u[close] != 0x3E { close += 1 }
            if close < end, (lo + 1..<close).allSatisfy({ isDigit(u[$0]) }) { lo = close + 1 }
        }
        lo = skipLabel(u, from: lo, to: end)
        while lo < end, Self.isLeadingDecoration(u[lo]) { lo += 1 }
        var hi = end
        while hi > lo, Self.isTrailingDecoration(u[hi - 1]) { hi -= 1 }
        return (lo < hi ? lo..<hi : nil, end)
    }

    /// `*` `.` `[` `(`
    @inline(__always)
    private static func isLeadingDecoration(_ b: UInt8) -> Bool { b == 0x2A || b == 0x2E || b == 0x5B || b == 0x28 }

    /// `:` `,` `]` `|` `)` CR
    @inline(__always)
    static func isTrailingDecoration(_ b: UInt8) -> Bool {
        b == 0x3A || b == 0x2C || b == 0x5D || b == 0x7C || b == 0x29 || b == 0x0D
    }

    /// Skips a `label:` glued to a stamp (`admin:2018-…`, `slm.log:12:2018-…`, `RP/0/RP0/CPU0:Mar`): a letter first,
    /// then letters, digits or `._-/`, a colon, optional `digits:`, and a digit or upper-case letter after it.
    static func skipLabel(_ u: UnsafeBufferPointer<UInt8>, from lo: Int, to end: Int) -> Int {
        guard lo < end, isASCIILetter(u[lo]) else { return lo }
        var i = lo
        while i < end,
            isASCIILetter(u[i]) || isDigit(u[i]) || u[i] == 0x2E || u[i] == 0x5F || u[i] == 0x2D || u[i] == 0x2F
        {
            i += 1
        }
        guard i < end, u[i] == 0x3A else { return lo }
        var rest = i + 1
        var d = rest
        while d < end, isDigit(u[d]) { d += 1 }
        if d > rest, d < end, u[d] == 0x3A { rest = d + 1 }
        guard rest < end, isDigit(u[rest]) || (u[rest] >= 0x41 && u[rest] <= 0x5A) else { return lo }
        return rest
    }

    /// `A`…`Z`, `a`…`z`.
    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
