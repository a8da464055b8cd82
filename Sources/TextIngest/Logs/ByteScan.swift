#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time helpers over raw bytes: newline counting with a damage check, and line boundary searches.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// One bit (0x80) per zero byte of `x`, exactly (no false positives from borrows).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & lows) &+ lows) | x | lows)
    }

    /// Counts `\n` in `from..<to` and says whether the range holds a NUL byte or a byte ≥ 0x80 (which needs a
    /// closer look: invalid UTF-8 or binary damage).
    static func newlines(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> (count: Int, suspicious: Bool) {
        var i = from
        var count = 0
        var flags: UInt64 = 0
        let raw = UnsafeRawPointer(p)
        // 16 bytes per round in two independent words; the damage check is the classic has-zero test, whose
        // only false positives come with a high-bit byte, which is damage-worthy anyway.
        while i + 16 <= to {
            let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let w1 = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            count &+= zeroBytes(w0 ^ (ones &* 0x0A)).nonzeroBitCount &+ zeroBytes(w1 ^ (ones &* 0x0A)).nonzeroBitCount
            flags |= (w0 | ((w0 &- ones) & ~w0)) | (w1 | ((w1 &- ones) & ~w1))
            i &+= 16
        }
        flags &= highs
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            count &+= zeroBytes(w ^ (ones &* 0x0A)).nonzeroBitCount
            flags |= zeroBytes(w) | (w & highs)
            i &+= 8
        }
        while i < to {
            let b = p[i]
            if b == 0x0A { count &+= 1 }
            if b == 0 || b >= 0x80 { flags = 1 }
            i &+= 1
        }
        return (count, flags != 0)
    }

    /// The index of the first `\n` in `from..<to`, or nil.
    @inline(__always)
    static func nextNewline(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let q = memchr(p + from, 0x0A, to - from) else { return nil }
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
