#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LicensingModel

/// Word-at-a-time helpers over raw bytes: newline counting with a damage check, and line boundary searches.
enum ByteScan {
    /// Counts `\n` in `from..<to` and says whether the range holds a NUL byte or a byte ≥ 0x80 (which needs a
    /// closer look: invalid UTF-8 or binary damage), in one pass over the bytes, sixteen at a time.
    ///
    /// A lane of `v | (v &- 1)` has its high bit set exactly when the byte is NUL (`0xFF`) or ≥ 0x80; a newline lane
    /// of the comparison is all ones, so subtracting it counts one per lane, up to 255 rounds before the lane
    /// counters are added up.
    static func newlines(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> (count: Int, suspicious: Bool) {
        typealias Lanes = SIMD16<UInt8>
        let raw = UnsafeRawPointer(p)
        let newline = Lanes(repeating: 0x0A)
        let one = Lanes(repeating: 1)
        var i = from
        var count = 0
        var flags = Lanes(repeating: 0)
        while i &+ 16 <= to {
            var counters = Lanes(repeating: 0)
            var rounds = 0
            while rounds < 255, i &+ 16 <= to {
                let v = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
                flags |= v | (v &- one)
                counters &-= unsafeBitCast(v .== newline, to: Lanes.self)
                i &+= 16
                rounds &+= 1
            }
            count &+= Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
        }
        var suspicious = (flags & Lanes(repeating: 0x80)) != Lanes(repeating: 0)
        while i < to {
            let byte = p[i]
            if byte == 0x0A { count &+= 1 } else if byte == 0 || byte >= 0x80 { suspicious = true }
            i &+= 1
        }
        return (count, suspicious)
    }

    /// Whether the range holds a NUL byte or a byte ≥ 0x80: four words per round OR-ed together
    /// (``ByteLanes/zeroOrHigh(_:)``).
    static func hasNULOrHighByte(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        var i = from
        var flags: UInt64 = 0
        while i &+ 32 <= to {
            flags |= ByteLanes.zeroOrHigh(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                | ByteLanes.zeroOrHigh(raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self))
                | ByteLanes.zeroOrHigh(raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self))
                | ByteLanes.zeroOrHigh(raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self))
            i &+= 32
        }
        while i &+ 8 <= to {
            flags |= ByteLanes.zeroOrHigh(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        if flags != 0 { return true }
        while i < to {
            if p[i] == 0 || p[i] >= 0x80 { return true }
            i &+= 1
        }
        return false
    }

    /// The index of the first `\n` in `from..<to`, or nil.
    @inline(__always)
    static func nextNewline(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        firstIndex(of: 0x0A, in: p, from: from, to: to)
    }

    /// The index of the first `byte` in `from..<to`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let q = memchr(p + from, Int32(byte), to - from) else { return nil }
        return p.distance(to: q.assumingMemoryBound(to: UInt8.self))
    }

    /// The start of the line holding `index`: one past the previous `\n`, but not before `floor`.
    @inline(__always)
    static func lineStart(_ p: UnsafePointer<UInt8>, containing index: Int, floor: Int) -> Int {
        var i = index
        while i > floor, p[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// Whether the range holds a NUL byte.
    static func containsNUL(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        from < to && memchr(p + from, 0, to - from) != nil
    }

    /// Whether the range is valid UTF-8.
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to else { return true }
        let buf = UnsafeBufferPointer(start: p + from, count: to - from)
        return String(validating: buf, as: UTF8.self) != nil
    }
}
