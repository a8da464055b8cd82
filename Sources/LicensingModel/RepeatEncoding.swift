import Foundation

/// The byte form of ``EventRepeats``: each repeat is its instant and its line, each written as the difference from
/// the previous repeat's, in a LEB128 varint (7 bits a byte), signed values zigzag-mapped.
///
/// - The instant, first varint, low two bits saying how: `0` whole milliseconds (the instant is exactly
///   `Double(ms) / 1000` seconds since the reference date, the difference counted in milliseconds: two or three
///   bytes for a trace's next second); `1` the difference of the instants' IEEE-754 bit patterns (any instant,
///   exactly); `2` no difference fits in 62 bits: the bit pattern follows in eight bytes.
/// - The line: the wrapping difference of the two `Int`s (any value, also a line before the previous one).
///
/// Decoding gives back the very bits encoded (negative and huge differences included): a folded event unfolds
/// into exactly the events it replaced.
enum RepeatEncoding {
    /// Where decoding stands: the byte offset and the previous repeat's instant bits and line.
    struct State: Sendable {
        var offset = 0
        var bits: UInt64 = 0
        var line = 0
    }

    /// Appends a repeat at `instant` read on `line` to `bytes`, after the repeat `state` describes; moves `state`.
    static func append(instant: Date, line: Int, to bytes: inout [UInt8], state: inout State) {
        let bits = instant.timeIntervalSinceReferenceDate.bitPattern
        if let ms = exactMillis(bits), let previous = millis(state.bits), let zz = zigzag62(ms &- previous) {
            varint(zz << 2, to: &bytes)
        } else if let zz = zigzag62(Int64(bitPattern: bits &- state.bits)) {
            varint(zz << 2 | 1, to: &bytes)
        } else {
            varint(2, to: &bytes)
            for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        }
        varint(zigzag(Int64(line) &- Int64(state.line)), to: &bytes)
        state = State(offset: bytes.count, bits: bits, line: line)
    }

    /// Decodes the repeat at `state.offset` and moves `state` past it; nil when `bytes` ends there (or is damaged).
    static func next(in bytes: [UInt8], state: inout State) -> (instant: Date, line: Int)? {
        var at = state.offset
        guard let head = readVarint(bytes, &at) else { return nil }
        var bits: UInt64
        switch head & 3 {
        case 0:
            guard let previous = millis(state.bits) else { return nil }
            bits = (Double(previous &+ unzigzag(head >> 2)) / 1000).bitPattern
        case 1:
            bits = state.bits &+ UInt64(bitPattern: unzigzag(head >> 2))
        default:
            guard at + 8 <= bytes.count else { return nil }
            bits = 0
            for k in 0..<8 { bits |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
        }
        guard let lineDelta = readVarint(bytes, &at) else { return nil }
        let line = Int(truncatingIfNeeded: Int64(state.line) &+ unzigzag(lineDelta))
        state = State(offset: at, bits: bits, line: line)
        return (Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)), line)
    }

    /// The instant in whole milliseconds (rounded), nil when not finite or beyond ±2^53 ms.
    static func millis(_ bits: UInt64) -> Int64? {
        let ms = (Double(bitPattern: bits) * 1000).rounded()
        guard ms.isFinite, abs(ms) < 9_007_199_254_740_992 else { return nil }
        return Int64(ms)
    }

    /// The instant in milliseconds when it is exactly `Double(ms) / 1000`.
    private static func exactMillis(_ bits: UInt64) -> Int64? {
        guard let ms = millis(bits), (Double(ms) / 1000).bitPattern == bits else { return nil }
        return ms
    }

    private static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    private static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }

    /// The zigzag form when it leaves the two low bits free (below 2^62).
    private static func zigzag62(_ v: Int64) -> UInt64? {
        let z = zigzag(v)
        return z < 1 << 62 ? z : nil
    }

    private static func varint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private static func readVarint(_ bytes: [UInt8], _ at: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count, shift < 64 {
            let b = bytes[at]
            at += 1
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
