import Foundation

extension LineHeader {
    /// `8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] …` (header) or `8060,,,CuSlmSvr,3,frame` (continuation), from
    /// byte `start` (after the `|`).
    mutating func readCuSlmSvr(_ u: UnsafeBufferPointer<UInt8>, from start: Int) {
        layout = .cuslmsvr
        var fields = CuSlmSvrFields()
        let n = u.count
        // Five commas, then the date: ASCII up to one byte past the date reads the same as characters.
        var seen = 0
        var k = start
        var c3 = 0, c4 = 0, c5 = 0
        while k < n, seen < 5 {
            if u[k] == 0x2C {
                seen += 1
                if seen == 3 { c3 = k } else if seen == 4 { c4 = k } else if seen == 5 { c5 = k }
            }
            k += 1
        }
        guard seen == 5 else { return }
        let window = start..<min(n, c5 + 12)
        if window.allSatisfy({ u[$0] < 0x80 }) {
            guard let read = Self.cuSlmSvr(u, component: c3 + 1..<c4, tail: c5 + 1) else { return }
            fields = read
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: u[start..<n]), as: UTF8.self)
            guard let read = Self.cuSlmSvr(characters: text[...]) else { return }
            fields = read
            fields.tail += start
        }
        component = fields.component
        guard let (d, m, y) = fields.date, var s = stamp else { return }
        s.year = y
        s.month = m
        s.day = d
        s.raw += " " + LogTimestampScanner.string(u, fields.tail - 10..<fields.tail)
        stamp = s
        readLevelAndThread(u, from: fields.tail)
    }

    /// What the CuSlmSvr fields give: the component, the date and where the date ends.
    private struct CuSlmSvrFields {
        var component: String?
        var date: (day: Int, month: Int, year: Int)?
        var tail = 0
    }

    /// The ASCII reading: the component's bytes, and the date at the start of `tail`.
    private static func cuSlmSvr(_ u: UnsafeBufferPointer<UInt8>, component: Range<Int>, tail: Int)
        -> CuSlmSvrFields?
    {
        var out = CuSlmSvrFields()
        var lo = component.lowerBound, hi = component.upperBound
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
        while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
        if lo < hi { out.component = LogTimestampScanner.string(u, lo..<hi) }
        guard u.count - tail >= 10 else { return out }
        let t = tail
        let dashes = (t..<t + 10).filter { u[$0] == 0x2D }
        guard dashes == [t + 2, t + 5], let d = plainInt(u, t..<t + 2), let m = plainInt(u, t + 3..<t + 5),
            let y = plainInt(u, t + 6..<t + 10)
        else { return out }
        out.date = (d, m, y)
        out.tail = t + 10
        return out
    }

    /// What `Int(_:)` reads from ASCII bytes: digits after an optional `+` or `-`.
    private static func plainInt(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        Int(LogTimestampScanner.string(u, r))
    }

    /// The reading by characters, for fields holding bytes outside ASCII; `tail` counts UTF-8 bytes of `rest`.
    private static func cuSlmSvr(characters rest: Substring) -> CuSlmSvrFields? {
        var out = CuSlmSvrFields()
        let parts = rest.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        let comp = parts[3].trimmingCharacters(in: .whitespaces)
        if !comp.isEmpty { out.component = comp }
        let tail = parts[5]
        guard tail.count >= 10 else { return out }
        let date = tail.prefix(10)
        let dmy = date.split(separator: "-", omittingEmptySubsequences: false)
        guard dmy.count == 3, dmy[0].count == 2, dmy[1].count == 2, dmy[2].count == 4, let d = Int(dmy[0]),
            let m = Int(dmy[1]), let y = Int(dmy[2])
        else { return out }
        out.date = (d, m, y)
        out.tail = rest.utf8.distance(from: rest.startIndex, to: date.endIndex)
        return out
    }
}
