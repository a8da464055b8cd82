import LicensingModel

/// Finds the timestamp a log line starts with, tolerating prefixes (`<134>`, `000123:`, `*`, `admin:`,
/// `slm.log:12:` from `grep -n`, a relaying syslog header): `2018-01-26 15:11:23,456`, `2018-01-26T15:11:23.456+05:30`, `Jan 26 15:11:23.123 IST`,
/// `Jan 26 2018 15:11:23 UTC`, `Dec 03 2018 16:43:48 UTC`, `26 Jan 2018 15:11:23,456`, and a bare
/// `19:19:03.395` at the start of a line.
///
/// Bounded: only the first ``maxTokens`` space-separated tokens (up to a `%FACILITY-…` token) are looked at. When a
/// relaying header stamp lacks a year or zone and a later one in the prefix has it
/// (`Jan 26 15:11:23 pub 12: pub: Jan 26 2018 09:41:23 UTC: %…`), the more complete one wins (year, then zone).
public enum LogTimestampScanner {
    /// How many tokens of the line are examined.
    public static let maxTokens = 14

    /// A stamp and where it was printed.
    public struct Found: Hashable, Sendable {
        /// The stamp.
        public var stamp: WallStamp
        /// Where the stamp text ends in the line (the header continues after it).
        public var end: String.Index
    }

    /// Scans the start of `line`.
    /// - Returns: the stamp, or nil when the line starts with none.
    public static func scan(_ line: Substring) -> Found? {
        if let found = isoLineStart(line) { return found }
        return scanWords(line)
    }

    /// ``scan(_:)`` word by word, for every layout (the ISO fast path left out).
    static func scanWords(_ line: Substring) -> Found? {
        // Most lines start with their stamp: look at a few tokens first, and further only when needed.
        let few = tokenize(line, limit: 5)
        let found = scan(line, tokens: few)
        if found?.stamp.year != nil || few.count < 5 { return found }
        return scan(line, tokens: tokenize(line, limit: maxTokens))
    }

    private static func scan(_ line: Substring, tokens: [Range<String.Index>]) -> Found? {
        var best: Found?
        var i = 0
        while i < tokens.count {
            if line.utf8[tokens[i].lowerBound] == 0x25 { break }  // %
            if let (found, next) = stamp(at: i, tokens: tokens, line: line) {
                if found.stamp.year != nil { return found }
                if best == nil || (best?.stamp.zone == nil && found.stamp.zone != nil) { best = found }
                i = next
                continue
            }
            i += 1
        }
        return best
    }

    /// Token ranges with decoration stripped (`<134>`, `label:`, `*`, `.`, `[`, trailing `:`, `,`, `]`, `|`).
    /// Works on UTF-8 bytes: every boundary it picks is next to an ASCII byte, so it is a character boundary.
    static func tokenize(_ line: Substring, limit: Int = maxTokens) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        let u = line.utf8
        var idx = u.startIndex
        while out.count < limit, let (token, end) = nextToken(u, from: idx) {
            if let token { out.append(token) }
            idx = end
        }
        return out
    }

    /// The next space-separated word from `idx` with its decoration stripped (nil when nothing is left of it), and
    /// where the word ends; nil at the end of the line.
    static func nextToken(_ u: Substring.UTF8View, from start: String.Index) -> (Range<String.Index>?, String.Index)? {
        var idx = start
        while idx < u.endIndex, u[idx] == 0x20 || u[idx] == 0x09 { idx = u.index(after: idx) }
        guard idx < u.endIndex else { return nil }
        var end = idx
        while end < u.endIndex, u[end] != 0x20, u[end] != 0x09 { end = u.index(after: end) }
        var lo = idx
        if u[lo] == 0x3C, let close = u[lo..<end].firstIndex(of: 0x3E),
            u[u.index(after: lo)..<close].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            lo = u.index(after: close)
        }
        lo = skipLabel(u, from: lo, to: end)
        while lo < end, Self.isLeadingDecoration(u[lo]) { lo = u.index(after: lo) }
        var hi = end
        while hi > lo, Self.isTrailingDecoration(u[u.index(before: hi)]) { hi = u.index(before: hi) }
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
    static func skipLabel(_ u: Substring.UTF8View, from lo: String.Index, to end: String.Index) -> String.Index {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard lo < end, isLetter(u[lo]) else { return lo }
        var i = lo
        while i < end, isLetter(u[i]) || isDigit(u[i]) || u[i] == 0x2E || u[i] == 0x5F || u[i] == 0x2D || u[i] == 0x2F {
            i = u.index(after: i)
        }
        guard i < end, u[i] == 0x3A else { return lo }
        var rest = u.index(after: i)
        var d = rest
        while d < end, isDigit(u[d]) { d = u.index(after: d) }
        if d > rest, d < end, u[d] == 0x3A { rest = u.index(after: d) }
        guard rest < end, isDigit(u[rest]) || (u[rest] >= 0x41 && u[rest] <= 0x5A) else { return lo }
        return rest
    }

    /// Tries a stamp starting at token `i`; returns it and the index of the first token after it.
    private static func stamp(at i: Int, tokens: [Range<String.Index>], line: Substring) -> (Found, Int)? {
        func tok(_ k: Int) -> Substring? { k < tokens.count ? line[tokens[k]] : nil }
        guard let t0 = tok(i) else { return nil }
        var year: Int?, month: Int?, day: Int?
        var clock: Clock?
        var next = i

        if let (y, m, d, rest) = isoDate(t0) {
            (year, month, day) = (y, m, d)
            if let rest, let c = clockWithZone(rest) {
                clock = c
                next = i + 1
            } else if rest == nil, let t1 = tok(i + 1), let c = clockWithZone(t1) {
                clock = c
                next = i + 2
            } else { return nil }
        } else if let m = monthName(t0), let t1 = tok(i + 1), let d = dayNumber(t1) {
            (month, day) = (m, d)
            var k = i + 2
            if let t = tok(k), let y = yearNumber(t) { year = y; k += 1 }
            guard let t = tok(k), let c = clockWithZone(t) else { return nil }
            clock = c
            k += 1
            if year == nil, let t = tok(k), let y = yearNumber(t) { year = y; k += 1 }
            next = k
        } else if let d = dayNumber(t0), let t1 = tok(i + 1), let m = monthName(t1), let t2 = tok(i + 2),
            let y = yearNumber(t2), let t3 = tok(i + 3), let c = clockWithZone(t3)
        {
            (year, month, day, clock) = (y, m, d, c)
            next = i + 4
        } else if i == 0, let c = clockWithZone(t0) {
            clock = c
            next = 1
        } else {
            return nil
        }
        guard var c = clock else { return nil }
        if c.zone == nil, let t = tok(next), isZone(t) {
            c.zone = String(t)
            next += 1
        }
        let end = tokens[next - 1].upperBound
        let raw = String(line[tokens[i].lowerBound..<end])
        let stamp = WallStamp(
            year: year, month: month, day: day, hour: c.h, minute: c.m, second: c.s, nanosecond: c.ns, zone: c.zone,
            raw: raw)
        return (Found(stamp: stamp, end: end), next)
    }

    struct Clock {
        var h: Int, m: Int, s: Int, ns: Int
        var zone: String?
    }

    /// `15:11:23`, `15:11:23.123`, `15:11:23,123`, `9:05:01`, `15:11:23.123+05:30`, `15:11:23Z` (up to 9 fraction
    /// digits), read byte by byte.
    static func clockWithZone(_ t: Substring) -> Clock? {
        let u = t.utf8
        guard u.count >= 7, u.count <= 40 else { return nil }
        var i = u.startIndex
        func digits(_ maxCount: Int) -> (value: Int, count: Int) {
            var v = 0, c = 0
            while c < maxCount, i < u.endIndex, isDigit(u[i]) {
                v = v * 10 + Int(u[i] - 0x30)
                c += 1
                i = u.index(after: i)
            }
            return (v, c)
        }
        func colon() -> Bool {
            guard i < u.endIndex, u[i] == 0x3A else { return false }
            i = u.index(after: i)
            return true
        }
        let h = digits(2)
        guard h.count >= 1, colon() else { return nil }
        let m = digits(2)
        guard m.count == 2, colon() else { return nil }
        let s = digits(2)
        guard s.count == 2, h.value < 24, m.value < 60, s.value <= 60 else { return nil }
        var ns = 0
        if i < u.endIndex, u[i] == 0x2E || u[i] == 0x2C {
            i = u.index(after: i)
            let f = digits(9)
            guard f.count > 0 else { return nil }
            ns = f.value
            for _ in f.count..<9 { ns *= 10 }
            // More than nine fraction digits: not a clock we read.
            if i < u.endIndex, isDigit(u[i]) { return nil }
        }
        var zone: String?
        if i < u.endIndex {
            let zoneText = t[i...]
            guard u[i] == 0x2B || u[i] == 0x2D || u[i] == 0x5A, ZoneResolver.parseOffset(zoneText) != nil else {
                return nil
            }
            zone = String(zoneText)
        }
        return Clock(h: h.value, m: m.value, s: s.value, ns: ns, zone: zone)
    }

    /// `2018-01-26`, or `2018-01-26T15:11:23…` (the rest after `T` returned).
    static func isoDate(_ t: Substring) -> (Int, Int, Int, Substring?)? {
        let u = Array(t.utf8.prefix(11))
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
            let y = number(u[0..<4]), let m = number(u[5..<7]), let d = number(u[8..<10]),
            LicensingCalendar.isValid(year: y, month: m, day: d)
        else { return nil }
        if u.count == 10 { return (y, m, d, nil) }
        guard u[10] == 0x54 else { return nil }  // T
        return (y, m, d, t[t.utf8.index(t.startIndex, offsetBy: 11)...])
    }

    /// `Jan`, `January` (exact English names only, so `Mark` is not March).
    static func monthName(_ t: Substring) -> Int? {
        let u = t.utf8
        guard u.count >= 3, u.count <= 9, let f = u.first, (f | 0x20) >= 0x61, (f | 0x20) <= 0x7A else { return nil }
        let lower = String(decoding: u.map { $0 | 0x20 }, as: UTF8.self)
        if u.count == 3 { return abbreviations[lower] }
        return fullNames[lower]
    }

    private static let fullNames: [String: Int] = Dictionary(uniqueKeysWithValues: [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ].enumerated().map { ($1, $0 + 1) })
    private static let abbreviations: [String: Int] = Dictionary(
        uniqueKeysWithValues: LicensingCalendar.monthNames.enumerated().map { ($1.lowercased(), $0 + 1) })

    static func dayNumber(_ t: Substring) -> Int? {
        guard t.utf8.count <= 2, let d = number(t.utf8[...]), (1...31).contains(d) else { return nil }
        return d
    }

    static func yearNumber(_ t: Substring) -> Int? {
        guard t.utf8.count == 4, let y = number(t.utf8[...]), (1970...2200).contains(y) else { return nil }
        return y
    }

    /// The value of a short run of ASCII digits, nil when empty or anything else is in it.
    static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var v = 0
        for b in digits {
            guard isDigit(b) else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A zone token the resolver knows: an offset or an upper-case abbreviation from ``ZoneTable``.
    static func isZone(_ t: Substring) -> Bool {
        let u = t.utf8
        guard let f = u.first else { return false }
        if f == 0x2B || f == 0x2D || t.hasPrefix("UTC") || t.hasPrefix("GMT") {  // + -
            return ZoneResolver.parseOffset(t) != nil
        }
        return u.count <= 5 && u.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) && ZoneTable.entry(for: t) != nil
    }
}

extension Character {
    /// `0`…`9` only (`isNumber` also accepts other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
