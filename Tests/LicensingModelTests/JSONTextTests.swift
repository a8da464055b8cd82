import Foundation
import Testing
@testable import LicensingModel

/// The one JSON escaper: control, bidi and other format characters become `\uXXXX`, and the text decodes back.
@Suite("JSON text escaping")
struct JSONTextTests {
    static func literal(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONText.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("bidi overrides, isolates, marks, separators, C1 and DEL are escaped; ordinary non-ASCII text is not", arguments: [
        ("a\u{202E}b", #""a\u202eb""#), ("\u{2066}x\u{2069}", #""\u2066x\u2069""#), ("\u{200E}\u{200F}", #""\u200e\u200f""#),
        ("\u{061C}", #""\u061c""#), ("\u{2028}\u{2029}", #""\u2028\u2029""#), ("\u{7F}\u{85}", #""\u007f\u0085""#),
        ("zero\u{200B}width\u{FEFF}", #""zero\u200bwidth\ufeff""#), ("tag\u{E0041}", #""tag\udb40\udc41""#),
        ("\u{1B}[2J\n\"\\\t", #""\u001b[2J\n\"\\\t""#), ("Zürich 東京 ✓ \u{FFFD}", "\"Zürich 東京 ✓ \u{FFFD}\""),
        ("plain", #""plain""#), ("", #""""#),
    ])
    func escapes(text: String, expected: String) throws {
        let literal = Self.literal(text)
        #expect(literal == expected)
        // JSON parsers read the same string back.
        let back = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(back == text)
    }

    @Test("U+2100…U+2BFF, written without a property lookup, holds no format character")
    func symbolBlocksHoldNoFormatCharacter() {
        for value in UInt32(0x2100)...0x2BFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.properties.generalCategory != .format, "U+\(String(value, radix: 16))")
            #expect(!JSONText.escapesAsCode(scalar))
        }
    }

    @Test("a JSONEncoder document gets the same escapes, and decodes to the same value")
    func encodedDocument() throws {
        let value = ["line \u{202E}desab\u{202C} ok": ["Zürich", "x\u{2067}y\u{2069}", "\u{85}"]]
        let encoded = try JSONEncoder().encode(value)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\u{202E}"), "JSONEncoder itself leaves it raw")
        let escaped = JSONText.escapingFormatCharacters(encoded)
        let text = String(decoding: escaped, as: UTF8.self)
        #expect(text.contains(#"\u202e"#) && text.contains(#"\u2067"#) && text.contains(#"\u0085"#) && text.contains("Zürich"))
        #expect(!text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2067}" || $0 == "\u{85}" })
        #expect(try JSONDecoder().decode([String: [String]].self, from: escaped) == value)
        let ascii = Data(#"{"a":"b"}"#.utf8)
        #expect(JSONText.escapingFormatCharacters(ascii) == ascii)
    }
}
