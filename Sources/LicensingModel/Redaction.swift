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

    /// A cheap check that lets most lines through untouched.
    public static func mayContainSecret(_ text: String) -> Bool {
        let l = text.lowercased()
        return l.contains("token") || l.contains("passw") || l.contains("@") || l.contains("pwd")
            || l.contains("secret")
    }

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
