extension LineHeader {
    /// `%SMART_LIC-3-COMM_FAILED`, `%LICENSE-SMART_LIC-3-COMM_FAILED`, `%UC_RTMT-2-RTMT_ALERT`: the first `%` in the
    /// line's first `limit` bytes followed by upper-case words joined by `-`, the next-to-last a single digit.
    mutating func readSyslogMnemonic(_ u: UnsafeBufferPointer<UInt8>, limit: Int) {
        guard let base = u.baseAddress else { return }
        var from = 0
        while let pct = ByteScan.firstIndex(of: 0x25, in: base, from: from, to: limit) {
            var end = pct + 1
            while end < limit, Self.isMnemonicByte(u[end]) { end += 1 }
            let parts: (String, String, String)?
            if end < limit, u[end] >= 0x80 {
                // A letter or mark outside ASCII continues the word: read it as characters.
                let text = String(decoding: UnsafeBufferPointer(rebasing: u[pct..<limit]), as: UTF8.self)
                parts = Self.mnemonic(characters: text[text.index(after: text.startIndex)...])
            } else {
                parts = Self.mnemonic(u, pct + 1..<end)
            }
            if let (f, s, m) = parts {
                (facility, severity, mnemonic) = (f, s, m)
                return
            }
            from = pct + 1
        }
    }

    /// `A`…`Z`, `a`…`z`, `0`…`9`, `_`, `-`.
    @inline(__always)
    private static func isMnemonicByte(_ b: UInt8) -> Bool {
        LogTimestampScanner.isASCIILetter(b) || LogTimestampScanner.isDigit(b) || b == 0x5F || b == 0x2D
    }

    /// Facility, severity and mnemonic of the ASCII word `t`, nil when it is not one.
    private static func mnemonic(_ u: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> (String, String, String)? {
        guard let last = t.last, u[t.lowerBound] != 0x2D, u[last] != 0x2D else { return nil }
        var dashes: (Int, Int) = (-1, -1)
        var previous: UInt8 = 0
        for k in t {
            let b = u[k]
            if b >= 0x61 && b <= 0x7A { return nil }  // lower case
            if b == 0x2D {
                if previous == 0x2D { return nil }  // an empty part
                dashes = (dashes.1, k)
            }
            previous = b
        }
        let (d1, d2) = dashes
        guard d1 >= 0, d2 == d1 + 2, LogTimestampScanner.isDigit(u[d1 + 1]) else { return nil }
        return (
            LogTimestampScanner.string(u, t.lowerBound..<d1), LogTimestampScanner.string(u, d1 + 1..<d2),
            LogTimestampScanner.string(u, d2 + 1..<t.upperBound)
        )
    }

    /// ``mnemonic(_:_:)`` for a word that holds characters outside ASCII (letters of any script count, a lower-case
    /// one does not); `rest` is the line after the `%`.
    private static func mnemonic(characters rest: Substring) -> (String, String, String)? {
        let token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let sev = parts[parts.count - 2].first, parts[parts.count - 2].count == 1,
            sev.isASCIIDigit, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { !$0.isLowercase } })
        else { return nil }
        return (parts[0..<(parts.count - 2)].joined(separator: "-"), String(sev), String(parts[parts.count - 1]))
    }
}
