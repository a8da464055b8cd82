import LicensingModel

extension LogTimestampScanner {
    /// A clock read from a word, with the zone glued to it (its byte range in the line).
    struct Clock {
        var h: Int, m: Int, s: Int, ns: Int
        var zone: Range<Int>?
    }

    /// `15:11:23`, `15:11:23.123`, `15:11:23,123`, `9:05:01`, `15:11:23.123+05:30`, `15:11:23Z` (up to 9 fraction
    /// digits) in the word `t` of `u`.
    static func clockWithZone(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Clock? {
        guard t.count >= 7, t.count <= 40 else { return nil }
        var i = t.lowerBound
        let end = t.upperBound
        func digits(_ maxCount: Int) -> (value: Int, count: Int) {
            var v = 0, c = 0
            while c < maxCount, i < end, isDigit(u[i]) {
                v = v * 10 + Int(u[i] - 0x30)
                c += 1
                i += 1
            }
            return (v, c)
        }
        func colon() -> Bool {
            guard i < end, u[i] == 0x3A else { return false }
            i += 1
            return true
        }
        let h = digits(2)
        guard h.count >= 1, colon() else { return nil }
        let m = digits(2)
        guard m.count == 2, colon() else { return nil }
        let s = digits(2)
        guard s.count == 2, h.value < 24, m.value < 60, s.value <= 60 else { return nil }
        var ns = 0
        if i < end, u[i] == 0x2E || u[i] == 0x2C {
            i += 1
            let f = digits(9)
            guard f.count > 0 else { return nil }
            ns = f.value
            for _ in f.count..<9 { ns *= 10 }
            // More than nine fraction digits: not a clock we read.
            if i < end, isDigit(u[i]) { return nil }
        }
        var zone: Range<Int>?
        if i < end {
            guard u[i] == 0x2B || u[i] == 0x2D || u[i] == 0x5A, isOffset(u, i..<end) else { return nil }
            zone = i..<end
        }
        return Clock(h: h.value, m: m.value, s: s.value, ns: ns, zone: zone)
    }

    /// `2018-01-26`, or `2018-01-26T15:11:23…` (the range of the rest after `T` returned).
    static func isoDate(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> (Int, Int, Int, Range<Int>?)? {
        let a = t.lowerBound
        guard t.count >= 10, u[a + 4] == 0x2D, u[a + 7] == 0x2D,
            let y = number(u, a..<a + 4), let m = number(u, a + 5..<a + 7), let d = number(u, a + 8..<a + 10),
            LicensingCalendar.isValid(year: y, month: m, day: d)
        else { return nil }
        if t.count == 10 { return (y, m, d, nil) }
        guard u[a + 10] == 0x54 else { return nil }  // T
        return (y, m, d, a + 11..<t.upperBound)
    }

    /// `Jan`, `January` in any case (exact English names only, so `Mark` is not March).
    static func monthName(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Int? {
        guard t.count >= 3, t.count <= 9, isASCIILetter(u[t.lowerBound]) else { return nil }
        let names = t.count == 3 ? abbreviations : fullNames
        for (k, name) in names.enumerated() where name.count == t.count {
            if zip(name, t).allSatisfy({ $0 == u[$1] | 0x20 }) { return k + 1 }
        }
        return nil
    }

    private static let fullNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ].map { Array($0.utf8) }
    private static let abbreviations: [[UInt8]] = LicensingCalendar.monthNames.map { Array($0.lowercased().utf8) }

    static func dayNumber(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Int? {
        guard t.count <= 2, let d = number(u, t), (1...31).contains(d) else { return nil }
        return d
    }

    static func yearNumber(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Int? {
        guard t.count == 4, let y = number(u, t), (1970...2200).contains(y) else { return nil }
        return y
    }

    /// The value of a short run of ASCII digits, nil when empty or anything else is in it.
    static func number(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Int? {
        guard !t.isEmpty, t.count <= 9 else { return nil }
        var v = 0
        for k in t {
            guard isDigit(u[k]) else { return nil }
            v = v * 10 + Int(u[k] - 0x30)
        }
        return v
    }

    /// A zone word the resolver knows: an offset (`+05:30`, `UTC+5`, `GMT`) or an upper-case abbreviation from
    /// ``ZoneTable``.
    static func isZone(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        guard !t.isEmpty else { return false }
        let a = t.lowerBound
        let f = u[a]
        if f == 0x2B || f == 0x2D { return isOffset(u, t) }  // + -
        if t.count >= 3, (u[a], u[a + 1], u[a + 2]) == (0x55, 0x54, 0x43) || (u[a], u[a + 1], u[a + 2]) == (0x47, 0x4D, 0x54) {
            // `UTC`/`GMT` then anything but ASCII is no offset (nor a prefix of one when a mark joins the `C`).
            return (t.count == 3 || u[a + 3] < 0x80) && isOffset(u, t)
        }
        return t.count <= 5 && t.allSatisfy({ u[$0] >= 0x41 && u[$0] <= 0x5A })
            && ZoneTable.isAbbreviation(UnsafeBufferPointer(rebasing: u[t]))
    }

    /// Whether ``ZoneResolver/parseOffset(_:)`` reads the word.
    private static func isOffset(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        ZoneResolver.parseOffset(string(u, t)[...]) != nil
    }
}

extension Character {
    /// `0`…`9` only (`isNumber` also accepts other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
