import Foundation

/// The one JSON string escaper of every JSON writer (analyze's document, the `licscope.event/1` lines of events,
/// packets and analyze --format jsonl, triage's results lines, preflight's and status's documents).
///
/// Besides what JSON requires (`"`, `\`, C0 controls), it writes as `\uXXXX` every scalar that could reorder or hide
/// what a reader of the file sees: DEL and C1 controls, Unicode format characters (general category Cf: the
/// bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F and
/// U+061C, zero-width characters, U+FEFF…) and the line and paragraph separators U+2028/U+2029. A decoder reads the
/// same string back; a pager or an editor shows the escape instead of silently reversing a line (Trojan Source).
public enum JSONText {
    /// Whether `scalar` is written as `\uXXXX` rather than as itself (beside the C0 controls, `"` and `\`).
    public static func escapesAsCode(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        case 0x20...0x7E: return false
        // Letterlike symbols to miscellaneous symbols and arrows (✓ ✗ → of ladder texts): no format character
        // (the tests read every scalar of the block), so no property lookup.
        case 0x2100...0x2BFF: return false
        default: return scalar.properties.generalCategory == .format
        }
    }

    /// Appends `text` as a JSON string literal, quotes included: `"` `\` and `\n` `\r` `\t` `\b` `\f` escaped with a
    /// backslash, every other scalar ``escapesAsCode(_:)`` picks as `\uXXXX` (a surrogate pair above U+FFFF), the
    /// rest as UTF-8.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var t = text
        t.withUTF8 { appendEscaped($0, to: &bytes) }
        bytes.append(0x22)
    }

    /// Appends valid UTF-8 (a `String`'s storage, or a piece of it cut between scalars) escaped as in
    /// ``appendString(_:to:)`` but without the quotes, for a string literal written in pieces. Runs of bytes that
    /// need no escape are copied whole; they are found eight bytes at a time (``wordNeedsEscape(_:)``), and only a
    /// word holding a byte that may need escaping is looked at byte by byte.
    package static func appendEscaped(_ u: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard let base = u.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var run = 0
        var i = 0
        while i < u.count {
            if i + 8 <= u.count, !wordNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let c = u[i]
            if c >= 0x20, c != 0x22, c != 0x5C, c < 0x7F {
                i += 1
                continue
            }
            let (scalar, length): (Unicode.Scalar, Int) = c < 0x80 ? (Unicode.Scalar(c), 1) : decode(u, at: i)
            if c >= 0x80, !escapesAsCode(scalar) {
                i += length
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
            appendEscape(scalar, to: &bytes)
            i += length
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
    }

    /// Whether any of the eight bytes in `w` is a C0 control, `"`, `\`, DEL or not ASCII — the bytes that stop a
    /// plain run (exact: a word for which this is false is copied as it is).
    @inline(__always)
    static func wordNeedsEscape(_ w: UInt64) -> Bool {
        (ByteLanes.below(w, 0x20) | ByteLanes.equal(w, 0x22) | ByteLanes.equal(w, 0x5C) | ByteLanes.equal(w, 0x7F)
            | ByteLanes.high(w)) != 0
    }

    /// `json` (a document a `JSONEncoder` wrote) with every scalar ``escapesAsCode(_:)`` picks written as `\uXXXX`.
    /// Outside string literals such a document is ASCII, so every replaced scalar is inside a string and the result
    /// decodes to the same value. A document without such a scalar is returned as it is.
    public static func escapingFormatCharacters(_ json: Data) -> Data {
        guard json.contains(where: { $0 >= 0x7F }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if scalar.value >= 0x7F, escapesAsCode(scalar) {
                appendEscape(scalar, to: &out)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return Data(out)
    }

    /// The same for a document held as text.
    public static func escapingFormatCharacters(_ json: String) -> String {
        String(decoding: escapingFormatCharacters(Data(json.utf8)), as: UTF8.self)
    }

    /// The escape of one scalar: the short forms JSON has, else `\uXXXX` (lower-case hex, as `JSONEncoder` writes).
    private static func appendEscape(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        switch scalar.value {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, 0x6E]
        case 0x0D: bytes += [0x5C, 0x72]
        case 0x09: bytes += [0x5C, 0x74]
        case 0x08: bytes += [0x5C, 0x62]
        case 0x0C: bytes += [0x5C, 0x66]
        default:
            for unit in String(scalar).utf16 {
                bytes += [0x5C, 0x75]
                for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
            }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The scalar starting at `i` of valid UTF-8 (a `String`'s storage) and its length in bytes.
    private static func decode(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = u[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard i + length <= u.count else { return (Unicode.Scalar(0xFFFD)!, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(u[i + k]) & 0x3F) }
        return (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!, length)
    }
}
