import LicensingModel

extension LogTimestampScanner {
    /// The stamp of a line that starts, at its first byte, with `2018-01-26 15:11:23,456` (any fraction of one to
    /// nine digits, or none) and no zone: the head of nearly every License Manager trace line, read without
    /// splitting the line into words. The result is the one ``scanWords(_:)`` finds through its word-by-word
    /// reading; nil whenever that reading could differ (a zone after the clock or glued to it, a date that does not
    /// exist, anything else at the start), and ``scan(_:)`` then reads the line the general way.
    static func isoLineStart(_ b: UnsafeBufferPointer<UInt8>) -> Found? {
        let n = b.count
        guard n >= 18, b[10] == 0x20 || b[10] == 0x09, b[4] == 0x2D, b[7] == 0x2D,
            let year = number(b, 0..<4), let month = number(b, 5..<7), let day = number(b, 8..<10),
            LicensingCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        var i = 11
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        var end = i
        while end < n, b[end] != 0x20, b[end] != 0x09 { end += 1 }
        var hi = end
        while hi > i, isTrailingDecoration(b[hi - 1]) { hi -= 1 }
        // The clock word: one or two hour digits, then `:MM:SS`, then an optional fraction, nothing else.
        guard hi - i >= 7, hi - i <= 40, i < n, isDigit(b[i]) else { return nil }
        var k = i
        var hour = 0
        while k < i + 2, k < hi, isDigit(b[k]) {
            hour = hour * 10 + Int(b[k] - 0x30)
            k += 1
        }
        guard k + 6 <= hi, b[k] == 0x3A, b[k + 3] == 0x3A, let minute = number(b, k + 1..<k + 3),
            let second = number(b, k + 4..<k + 6), hour < 24, minute < 60, second <= 60
        else { return nil }
        k += 6
        var nanosecond = 0
        if k < hi {
            guard b[k] == 0x2E || b[k] == 0x2C else { return nil }
            k += 1
            let first = k
            while k < hi, k - first < 9, isDigit(b[k]) {
                nanosecond = nanosecond * 10 + Int(b[k] - 0x30)
                k += 1
            }
            guard k > first, k == hi else { return nil }
            for _ in (k - first)..<9 { nanosecond *= 10 }
        }
        // A zone word after the clock is the general reading's business.
        // (Words left empty by stripping their decoration are not words: the next one is looked at.)
        var from = end
        while let (word, next) = nextToken(b, from: from) {
            if let word {
                if isZone(b, word) { return nil }
                break
            }
            from = next
        }
        let stamp = WallStamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: nanosecond, zone: nil, raw: string(b, 0..<hi))
        return Found(stamp: stamp, end: hi)
    }
}
