import LicensingModel

/// Finds the timestamp a log line starts with, tolerating prefixes (`<134>`, `000123:`, `*`, `admin:`,
/// `slm.log:12:` from `grep -n`, a relaying syslog header): `2018-01-26 15:11:23,456`, `2018-01-26T15:11:23.456+05:30`, `Jan 26 15:11:23.123 IST`,
/// `Jan 26 2018 15:11:23 UTC`, `Dec 03 2018 16:43:48 UTC`, `26 Jan 2018 15:11:23,456`, and a bare
/// `19:19:03.395` at the start of a line.
///
/// Bounded: only the first ``maxTokens`` space-separated tokens (up to a `%FACILITY-…` token) are looked at. When a
/// relaying header stamp lacks a year or zone and a later one in the prefix has it
/// (`Jan 26 15:11:23 pub 12: pub: Jan 26 2018 09:41:23 UTC: %…`), the more complete one wins (year, then zone).
///
/// Reads the line's UTF-8 bytes in place: the only strings it makes are the winning stamp's raw text and zone.
public enum LogTimestampScanner {
    /// How many tokens of the line are examined.
    public static let maxTokens = 14

    /// A stamp and where it was printed.
    public struct Found: Hashable, Sendable {
        /// The stamp.
        public var stamp: WallStamp
        /// The UTF-8 offset in the line where the stamp text ends (the header continues after it).
        public var end: Int
    }

    /// Scans the start of `line`.
    /// - Returns: the stamp, or nil when the line starts with none.
    public static func scan(_ line: Substring) -> Found? {
        var text = String(line)
        return text.withUTF8 { scan($0) }
    }

    /// Scans the start of a line given as UTF-8 bytes (valid UTF-8: a string's bytes, or plain ASCII).
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> Found? {
        if let found = isoLineStart(line) { return found }
        return scanWords(line)
    }

    /// ``scan(_:)`` word by word, for every layout (the ISO fast path left out).
    static func scanWords(_ line: UnsafeBufferPointer<UInt8>) -> Found? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: maxTokens) { store in
            // Most lines start with their stamp: look at a few tokens first, and further only when needed.
            var tokens = HeadTokens(line: line, store: store)
            tokens.read(upTo: 5)
            let found = scan(line, tokens: tokens)
            if found?.stamp.year != nil || tokens.count < 5 { return found }
            tokens.read(upTo: maxTokens)
            return scan(line, tokens: tokens)
        }
    }

    private static func scan(_ line: UnsafeBufferPointer<UInt8>, tokens: HeadTokens) -> Found? {
        var best: Candidate?
        var i = 0
        while i < tokens.count {
            if line[tokens[i].lowerBound] == 0x25 { break }  // %
            if let found = stamp(at: i, tokens: tokens, line: line) {
                if found.year != nil { return found.found(in: line) }
                if best == nil || (best?.clock.zone == nil && found.clock.zone != nil) { best = found }
                i = found.next
                continue
            }
            i += 1
        }
        return best?.found(in: line)
    }

    /// A stamp read from tokens, before any string is made of it.
    private struct Candidate {
        var year: Int?, month: Int?, day: Int?
        var clock: Clock
        /// The stamp's text in the line.
        var raw: Range<Int>
        /// The first token after the stamp.
        var next: Int

        func found(in line: UnsafeBufferPointer<UInt8>) -> Found {
            let stamp = WallStamp(
                year: year, month: month, day: day, hour: clock.h, minute: clock.m, second: clock.s,
                nanosecond: clock.ns, zone: clock.zone.map { string(line, $0) }, raw: string(line, raw))
            return Found(stamp: stamp, end: raw.upperBound)
        }
    }

    /// Tries a stamp starting at token `i`.
    private static func stamp(at i: Int, tokens: HeadTokens, line: UnsafeBufferPointer<UInt8>) -> Candidate? {
        func tok(_ k: Int) -> Range<Int>? { k < tokens.count ? tokens[k] : nil }
        guard let t0 = tok(i) else { return nil }
        var year: Int?, month: Int?, day: Int?
        var clock: Clock?
        var next = i

        if let (y, m, d, rest) = isoDate(line, t0) {
            (year, month, day) = (y, m, d)
            if let rest, let c = clockWithZone(line, rest) {
                clock = c
                next = i + 1
            } else if rest == nil, let t1 = tok(i + 1), let c = clockWithZone(line, t1) {
                clock = c
                next = i + 2
            } else { return nil }
        } else if let m = monthName(line, t0), let t1 = tok(i + 1), let d = dayNumber(line, t1) {
            (month, day) = (m, d)
            var k = i + 2
            if let t = tok(k), let y = yearNumber(line, t) { year = y; k += 1 }
            guard let t = tok(k), let c = clockWithZone(line, t) else { return nil }
            clock = c
            k += 1
            if year == nil, let t = tok(k), let y = yearNumber(line, t) { year = y; k += 1 }
            next = k
        } else if let d = dayNumber(line, t0), let t1 = tok(i + 1), let m = monthName(line, t1), let t2 = tok(i + 2),
            let y = yearNumber(line, t2), let t3 = tok(i + 3), let c = clockWithZone(line, t3)
        {
            (year, month, day, clock) = (y, m, d, c)
            next = i + 4
        } else if i == 0, let c = clockWithZone(line, t0) {
            clock = c
            next = 1
        } else {
            return nil
        }
        guard var c = clock else { return nil }
        if c.zone == nil, let t = tok(next), isZone(line, t) {
            c.zone = t
            next += 1
        }
        let raw = tokens[i].lowerBound..<tokens[next - 1].upperBound
        return Candidate(year: year, month: month, day: day, clock: c, raw: raw, next: next)
    }

    /// The text of `range` of the line (which starts and ends next to ASCII bytes, so it is whole UTF-8).
    static func string(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
    }
}
