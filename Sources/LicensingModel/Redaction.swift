import Foundation

/// Removes secrets from text before it is stored on an event or printed: registration tokens and proxy passwords.
/// Ingestion calls this on every excerpt and field it keeps; reports never see the secret.
public enum Redaction {
    /// The replacement text.
    public static let mask = "<redacted>"

    /// Redacts `idtoken <token>` (any spacing), `token: …` / `token=…`, `password: …`, `passwd=…`, `pwd=…`,
    /// `secret=…`, their JSON forms (`"token":"…"`), and the password of `user:password@host` with or without a
    /// scheme. Idempotent: a masked value is left as it is.
    public static func redact(_ text: String) -> String {
        guard mayContainSecret(text) else { return text }
        var out = text
        for rule in rules { out = rule.apply(out) }
        return out
    }

    /// One pattern and the capture group that holds the secret.
    private struct Rule: Sendable {
        let regex: NSRegularExpression?
        let group: Int

        init(_ pattern: String, group: Int) {
            regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.group = group
        }

        func apply(_ text: String) -> String {
            guard let regex else { return text }
            var result = ""
            var last = text.startIndex
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range(at: group), in: text), r.lowerBound >= last, text[r] != Redaction.mask[...]
                else { continue }
                result += text[last..<r.lowerBound]
                result += Redaction.mask
                last = r.upperBound
            }
            return result + text[last...]
        }
    }

    /// The patterns; the tests exercise each one (LicensingModelTests, RedactionAtIngestionTests).
    private static let rules: [Rule] = [
        // `idtoken <token>` with any spacing, and `idtoken=<token>`.
        Rule(#"\bidtoken(?:\s*[:=]\s*|\s+)"?([^\s"',&;]+)"#, group: 1),
        // JSON members: "token":"…", "id_token":"…", "password":"…", "proxy_password":"…", "secret":"…".
        Rule(#""[a-z_]*(?:token|password|passwd|secret)"\s*:\s*"([^"]*)""#, group: 1),
        // key: value / key=value forms (not followed by a JSON quote, handled above).
        Rule(#"\b[a-z_]*(?:token|password|passwd|pwd|secret)\b(?!")\s*[:=]\s*([^\s"',&;]+)"#, group: 1),
        // user:password@host, with or without a scheme; the password may hold `/` but not whitespace or `@`.
        Rule(#"(?:^|[\s"'(=/])[a-z0-9._~%!$+-]+:(?!//)([^\s@"']+)@[a-z0-9.-]+"#, group: 1),
    ]

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
}
