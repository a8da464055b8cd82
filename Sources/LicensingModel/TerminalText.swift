/// Makes text read from the evidence (file names, log fields, a TLS SNI) safe to print: control characters (C0 but
/// tab, DEL, C1), line and paragraph separators and bidirectional overrides and isolates are written as `\u{1B}`,
/// so an input can neither drive the terminal (escape sequences) nor reorder what is shown (Trojan Source); U+FFFD
/// (what a byte that was not UTF-8 decodes to) is written `\u{FFFD}`, so the output says a byte was replaced.
///
/// Every text format calls this on every value that came from an input; `report` uses it in Reports.
public enum TerminalText {
    /// `text` with every unsafe scalar replaced by `\u{HEX}`; the text itself when it has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for the scalars ``escaped(_:)`` replaces.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFFD: return true
        default: return false
        }
    }
}
