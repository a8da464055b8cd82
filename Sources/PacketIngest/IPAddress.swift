/// An IPv4 or IPv6 address stored in two words, cheap to hash for flow tables.
struct IPAddress: Hashable, Comparable, CustomStringConvertible {
    var high: UInt64
    var low: UInt64
    var isV6: Bool

    init(v4 value: UInt32) {
        high = 0
        low = UInt64(value)
        isV6 = false
    }

    init?(v6 bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard offset >= 0, offset + 16 <= bytes.count else { return nil }
        var h: UInt64 = 0
        var l: UInt64 = 0
        for i in 0..<8 { h = h << 8 | UInt64(bytes[offset + i]) }
        for i in 8..<16 { l = l << 8 | UInt64(bytes[offset + i]) }
        high = h
        low = l
        isV6 = true
    }

    static func < (a: IPAddress, b: IPAddress) -> Bool {
        (a.isV6 ? 1 : 0, a.high, a.low) < (b.isV6 ? 1 : 0, b.high, b.low)
    }

    /// Dotted quad, or RFC 5952 text for IPv6.
    var description: String {
        guard isV6 else {
            // Written into the string's own storage: it runs several times per connection.
            return String(unsafeUninitializedCapacity: 15) { buffer in
                var i = 0
                for shift: UInt64 in [24, 16, 8, 0] {
                    let octet = Int((low >> shift) & 0xFF)
                    if octet >= 100 {
                        buffer[i] = UInt8(0x30 + octet / 100)
                        i += 1
                    }
                    if octet >= 10 {
                        buffer[i] = UInt8(0x30 + octet / 10 % 10)
                        i += 1
                    }
                    buffer[i] = UInt8(0x30 + octet % 10)
                    i += 1
                    if shift > 0 {
                        buffer[i] = 0x2E
                        i += 1
                    }
                }
                return i
            }
        }
        let groups = (0..<8).map { i -> UInt16 in
            let word = i < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64(48 - (i % 4) * 16))
        }
        var bestStart = -1
        var bestLength = 0
        var i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8 && groups[j] == 0 { j += 1 }
                if j - i > bestLength && j - i > 1 { (bestStart, bestLength) = (i, j - i) }
                i = j
            } else {
                i += 1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// `addr:port`, with IPv6 in brackets.
    func endpoint(_ port: Int) -> String { isV6 ? "[\(self)]:\(port)" : "\(self):\(port)" }
}
