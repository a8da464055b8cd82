#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time helpers over raw bytes: newline counting with a damage check, and line boundary searches.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Counts `\n` in `from..<to` and says whether the range holds a NUL byte or a byte ≥ 0x80 (which needs a
    /// closer look: invalid UTF-8 or binary damage).
    static func newlines(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> (count: Int, suspicious: Bool) {
        // Lines are short: libc's vectorized memchr per line beats counting 8 bytes at a time.
        var count = 0
        var i = from
        while i < to, let q = memchr(p + i, 0x0A, to - i) {
            count &+= 1
            i = p.distance(to: q.assumingMemoryBound(to: UInt8.self)) &+ 1
        }
        return (count, hasNULOrHighByte(p, from: from, to: to))
    }

    /// Whether the range holds a NUL byte or a byte ≥ 0x80: four words per round OR-ed together, using the
    /// has-zero test, whose only false positives come with a high-bit byte (flagged anyway).
    static func hasNULOrHighByte(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        var i = from
        var acc: UInt64 = 0
        @inline(__always) func flag(_ w: UInt64) -> UInt64 { w | ((w &- ones) & ~w) }
        while i + 32 <= to {
            acc |= flag(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                | flag(raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self))
                | flag(raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self))
                | flag(raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self))
            i &+= 32
        }
        while i + 8 <= to {
            acc |= flag(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        if acc & highs != 0 { return true }
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
