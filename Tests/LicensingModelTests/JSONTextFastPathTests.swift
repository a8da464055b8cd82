import Foundation
import Testing
@testable import LicensingModel

/// The escaper's eight-bytes-at-a-time run finder stops at every byte that may need escaping, wherever it lies in
/// the word, so each character class is escaped at every offset exactly as one scalar at a time would.
@Suite struct JSONTextFastPathTests {
    /// The bytes that may not be copied as they are: C0 controls, `"`, `\`, DEL and every non-ASCII byte.
    static func stops(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x7F }

    @Test("every byte value at every position of the word")
    func wordCheckIsExact() {
        for position in 0..<8 {
            for value in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[position] = UInt8(value)
                let w = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSONText.wordNeedsEscape(w) == Self.stops(UInt8(value)), "byte \(value) at \(position)")
            }
        }
        let plain = Array("abcXYZ09 ~!#$%&'()*+,-./:;<=>?@[]^_`{|}".utf8)
        for start in 0...(plain.count - 8) {
            let w = plain[start..<(start + 8)].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(!JSONText.wordNeedsEscape(w))
        }
    }

    /// Scalar by scalar, as the escaper is documented: short escapes, `\uXXXX` for what ``JSONText/escapesAsCode(_:)``
    /// picks (UTF-16 units, lower-case hex), the rest as UTF-8.
    static func reference(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if JSONText.escapesAsCode(s) {
                    for unit in String(s).utf16 { out += "\\u" + String(repeating: "0", count: 4 - String(unit, radix: 16).count) + String(unit, radix: 16) }
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    static let classes: [String] = [
        "\u{0}", "\u{1}", "\u{1F}", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\"", "\\", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
        "\u{A0}", "é", "\u{AD}", "\u{200B}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{2029}", "\u{FEFF}",
        "東", "✓", "\u{FFFD}", "\u{1F600}", "\u{E0041}", " ", "~",
    ]

    @Test("each class at offsets 0…17 of plain text, alone and in pairs")
    func everyClassAtEveryOffset() throws {
        for c in Self.classes {
            for offset in 0..<18 {
                for tail in ["", "abcdefghij", c] {
                    let text = String(repeating: "x", count: offset) + c + tail
                    var bytes: [UInt8] = []
                    JSONText.appendString(text, to: &bytes)
                    let literal = String(decoding: bytes, as: UTF8.self)
                    #expect(literal == Self.reference(text), "\(Array(text.unicodeScalars.map(\.value)))")
                    #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == text)
                }
            }
        }
    }
}
