import Foundation

/// A cheap 64-bit digest of the parts of an ``Event`` that repeats of one message share, consistent with `==`:
/// equal values always get equal digests (unequal ones almost never collide, and every user confirms a digest
/// match with `==`).
///
/// ``EventFolder`` and ``EventInterner`` look a busy trace's events up by it instead of by `Hasher` over whole field
/// dictionaries (a SipHash per key and per value, and one more per element for the dictionary's order-independent
/// combination). Strings are digested from their UTF-8 bytes, eight at a time; a string holding a byte ≥ 0x80 is
/// digested in its canonical composition (NFC), because `String ==` compares canonical equivalents as equal
/// (U+212A KELVIN SIGN equals `K`).
enum EventDigest {
    /// The digest of what repeats of `event` share: kind, fields, excerpt, path, the printed stamp text, zone offset
    /// and label, and the assumptions — everything but the instant and the location. `fields` is the digest of
    /// the event's fields (``fields(_:)``), passed in so a caller needing both computes it once.
    static func foldKey(_ event: Event, fields: UInt64) -> UInt64 {
        var h = mix(fields, string(event.kind.rawValue))
        h = mix(h, string(event.source.path))
        h = mix(h, event.excerpt.map(string) ?? 0x9e37_79b9)
        if let t = event.time {
            h = mix(h, string(t.raw))
            h = mix(h, t.utcOffsetSeconds.map { UInt64(bitPattern: Int64($0)) } ?? 0x7f4a_7c15)
            h = mix(h, t.zoneLabel.map(string) ?? 0x85eb_ca6b)
            h = mix(h, UInt64(t.assumptions.count))
            for a in t.assumptions { h = mix(h, string(a)) }
        }
        return h
    }

    /// The digest of a field dictionary, independent of its iteration order (equal dictionaries iterate in
    /// different orders).
    static func fields(_ fields: [String: FieldValue]) -> UInt64 {
        var sum = UInt64(truncatingIfNeeded: fields.count) &* 0xff51_afd7_ed55_8ccd
        for (key, value) in fields { sum &+= finish(mix(string(key), self.value(value))) }
        return sum
    }

    /// The digest of one field value.
    static func value(_ value: FieldValue) -> UInt64 {
        switch value {
        case .string(let s): return mix(1, string(s))
        case .int(let i): return mix(2, UInt64(bitPattern: Int64(i)))
        case .double(let d): return mix(3, number(d))
        case .bool(let b): return mix(4, b ? 1 : 0)
        case .time(let t): return mix(5, number(t.timeIntervalSinceReferenceDate))
        case .list(let l): return l.reduce(mix(6, UInt64(l.count))) { mix($0, self.value($1)) }
        }
    }

    /// A double's bits, with -0 read as 0 (they compare equal).
    private static func number(_ d: Double) -> UInt64 { d == 0 ? 0 : d.bitPattern }

    /// The digest of a string's UTF-8 bytes (of its canonical composition when it is not ASCII).
    static func string(_ s: String) -> UInt64 {
        var copy = s
        let ascii = copy.withUTF8 { Self.bytes($0) }
        if let ascii { return ascii }
        var nfc = s.precomposedStringWithCanonicalMapping
        return nfc.withUTF8 { Self.bytes($0, anyByte: true) ?? 0 }
    }

    /// The digest of `bytes`, eight at a time; nil when a byte is ≥ 0x80 and `anyByte` is false.
    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, anyByte: Bool = false) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var high: UInt64 = 0
        var i = 0
        guard let base = bytes.baseAddress else { return finish(h) }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= word
            h = mix(h, word)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        high |= tail
        if !anyByte, ByteLanes.high(high) != 0 { return nil }
        return finish(mix(h, tail))
    }

    /// Folds `word` into `h` (a multiply-rotate step; order-dependent).
    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        ((h ^ word) &* 0x9e37_79b9_7f4a_7c15).rotatedLeft(by: 29) &+ 0x632b_e59b_d9b4_e019
    }

    /// A final avalanche (murmur3's), so sums of element digests stay well spread.
    @inline(__always)
    private static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return z ^ (z >> 33)
    }
}

extension UInt64 {
    /// The bits rotated left by `n` (0 < n < 64).
    @inline(__always)
    fileprivate func rotatedLeft(by n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
