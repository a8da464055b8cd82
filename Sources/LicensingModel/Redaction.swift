import Foundation

/// Removes secrets from text before it is stored on an event or printed: registration tokens and proxy passwords.
/// Ingestion calls this on every excerpt and field it keeps; reports never see the secret.
public enum Redaction {
    /// The replacement text.
    public static let mask = "<redacted>"

    /// Redacts `idtoken <token>`, `token: <token>`, `password: …`, `Password: ****`, `proxy_password=…`,
    /// and `user:password@` in URLs.
    public static func redact(_ text: String) -> String {
        guard mayContainSecret(text) else { return text }
        var out = text
        for (anchor, terminators) in anchors {
            out = redactValues(after: anchor, in: out, terminators: terminators)
        }
        out = redactURLCredentials(out)
        return out
    }

    /// A cheap check that lets most lines through untouched: `token`, `passw`, `pwd`, `secret` (any case) or `@`.
    /// When it says no, ``redact(_:)`` would return the text unchanged.
    public static func mayContainSecret(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { mayContainSecret($0) }
    }

    /// The same check on raw bytes, without decoding or lower-casing a copy (log scanning calls it per line).
    public static func mayContainSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x40 { return true }  // @
            let c = b | 0x20
            if c == 0x74 || c == 0x70 || c == 0x73 {  // t, p, s
                for m in screenMarkers where m[0] == c && i + m.count <= n {
                    var k = 1
                    while k < m.count, bytes[i + k] | 0x20 == m[k] { k += 1 }
                    if k == m.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    private static let screenMarkers: [[UInt8]] = ["token", "passw", "pwd", "secret"].map { Array($0.utf8) }

    private static let anchors: [(String, Set<Character>)] = [
        ("idtoken ", [" ", "\t", "\"", "'"]),
        ("idtoken=", [" ", "\t", "&", "\"", "'", ","]),
        ("id_token\":\"", ["\""]),
        ("\"token\":\"", ["\""]),
        ("token: ", [" ", "\t", ","]),
        ("token=", [" ", "\t", "&", "\"", "'", ","]),
        ("password: ", [" ", "\t", ","]),
        ("password : ", [" ", "\t", ","]),
        ("password=", [" ", "\t", "&", "\"", "'", ","]),
        ("password\":\"", ["\""]),
        ("passwd=", [" ", "\t", "&", "\"", "'", ","]),
        ("pwd=", [" ", "\t", "&", "\"", "'", ","]),
        ("secret=", [" ", "\t", "&", "\"", "'", ","]),
    ]

    private static func redactValues(after anchor: String, in text: String, terminators: Set<Character>) -> String {
        var result = ""
        var rest = Substring(text)
        while let r = rest.range(of: anchor, options: .caseInsensitive) {
            result += rest[..<r.upperBound]
            let value = rest[r.upperBound...].prefix { !terminators.contains($0) }
            if value.isEmpty || value == mask[...] {
                rest = rest[r.upperBound...]
                continue
            }
            result += mask
            rest = rest[value.endIndex...]
        }
        return result + rest
    }

    private static func redactURLCredentials(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let r = rest.range(of: "://") {
            result += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != " " && $0 != "\"" }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += rest[..<colon] + ":" + mask
                rest = rest[at...]
            }
        }
        return result + rest
    }
}
