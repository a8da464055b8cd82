import Foundation

/// Removes secrets from text before it is stored on an event or printed: registration tokens, proxy passwords,
/// passphrases, HTTP credentials. Ingestion calls this on every excerpt and field it keeps, and ``Event`` applies it
/// again to every text it is created with; reports never see the secret.
public enum Redaction {
    /// The replacement text.
    public static let mask = "<redacted>"

    /// Redacts, case-insensitively:
    /// - `idtoken <token>` (any spacing, `=` or `:`), the token quoted or bare up to whitespace (so `; , & '` inside
    ///   a token are redacted with it);
    /// - `token`, `password`, `passwd`, `passphrase`, `pwd`, `secret` (and names ending in them: `proxy-password`,
    ///   `ProxyPassword`, `id_token`) followed by `:` or `=` and a quoted or bare value, and their JSON members;
    /// - `password VALUE` (`passwd`, `passphrase`, `pwd` too) separated by spaces only, unless VALUE is an ordinary
    ///   word of a log message (`password is incorrect`);
    /// - `Authorization:` / `Proxy-Authorization:` headers (the scheme is kept: `Basic <redacted>`);
    /// - the password of `user:password@host`, with or without a scheme, where the user may be `user@corp` or
    ///   `DOMAIN\user` and the password may hold `@`.
    ///
    /// Idempotent: a masked value is left as it is.
    public static func redact(_ text: String) -> String {
        guard mayContainSecret(text) else { return text }
        return apply(text).text
    }

    /// The secret values ``redact(_:)`` would mask in `text` (for masking copies of them taken out of the text).
    public static func secrets(in text: String) -> [String] {
        guard mayContainSecret(text) else { return [] }
        return apply(text).secrets
    }

    /// Redacts `text`, then masks every occurrence of `secrets` (values found in the line a field was copied from:
    /// a field holding only `hunter2` no longer shows that it was a password).
    public static func redact(_ text: String, hiding secrets: [String]) -> String {
        var out = redact(text)
        for secret in secrets where secret.count >= 3 && out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: mask)
        }
        return out
    }

    /// The first `maxBytes` UTF-8 bytes of `text`, redacted BEFORE it is cut (a secret straddling the cut would
    /// otherwise lose the part that identifies it as one, such as the `@host` of `user:password@host`).
    /// Up to `lookahead` bytes past the cut are redacted with it; the result is cut on a character boundary.
    public static func excerpt(_ text: Substring, maxBytes: Int, lookahead: Int = 4096) -> String {
        let utf8 = text.utf8
        let wideEnd = utf8.index(utf8.startIndex, offsetBy: maxBytes + lookahead, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let redacted = redact(String(text[..<wideEnd]))
        let out = redacted.utf8
        let end = out.index(out.startIndex, offsetBy: maxBytes, limitedBy: out.endIndex) ?? out.endIndex
        return String(redacted[..<end])  // slicing rounds a mid-character index down to a character boundary
    }

    private static func apply(_ text: String) -> (text: String, secrets: [String]) {
        var out = text
        var found: [String] = []
        for rule in rules { out = rule.apply(out, found: &found) }
        return (out, found)
    }

    /// One pattern and the capture groups that may hold the secret (the first one that matched is masked).
    private struct Rule: Sendable {
        let regex: NSRegularExpression?
        let groups: [Int]

        init(_ pattern: String, groups: [Int]) {
            regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.groups = groups
        }

        func apply(_ text: String, found: inout [String]) -> String {
            guard let regex else { return text }
            var result = ""
            var last = text.startIndex
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let group = groups.first(where: { m.range(at: $0).location != NSNotFound }),
                    let r = Range(m.range(at: group), in: text), r.lowerBound >= last, !r.isEmpty,
                    !text[r].hasPrefix(Redaction.mask)
                else { continue }
                found.append(String(text[r]))
                result += text[last..<r.lowerBound]
                result += Redaction.mask
                last = r.upperBound
            }
            return result + text[last...]
        }
    }

    /// A value after a key: double-quoted (with escapes), single-quoted, or bare up to whitespace.
    private static let value = #"(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))"#
    /// Key names that hold secrets (as a whole word or as the end of one: `proxy-password`, `ProxyPassword`).
    private static let secretKey = #"[a-z_-]*(?:token|password|passwd|passphrase|pwd|secret)"#
    private static let passwordKey = #"[a-z_-]*(?:password|passwd|passphrase|pwd)"#
    /// Words that follow `password ` in ordinary log messages (not a value).
    private static let notAValue = #"(?:is|was|has|had|not|for|of|the|and|or|to|in|on|with|from|required|must|"#
        + #"incorrect|invalid|expired|missing|empty|set|changed|updated|policy|length|field|prompt|authentication|"#
        + #"auth|change|reset|mismatch|failed|failure|error|configured|none|null|<redacted>)\b"#

    /// The patterns; the tests exercise each one (LicensingModelTests, RedactionAtIngestionTests).
    private static let rules: [Rule] = [
        // `idtoken <token>` with any spacing, `idtoken=<token>`, quoted or bare.
        Rule(#"\bidtoken(?:\s*[:=]\s*|\s+)"# + value, groups: [1, 2, 3]),
        // JSON members: "token":"…", "id_token":"…", "password":"…", "proxy_password":"…", "secret":"…".
        Rule(#"""# + secretKey + #""\s*:\s*"((?:[^"\\]|\\.)*)""#, groups: [1]),
        // Authorization headers: the credentials to the end of the line (after the scheme, which `Authorization`
        // needs: "License Authorization: AUTHORIZED" is a status, not a header).
        Rule(#"\bproxy-authorization"?[ \t]*[:=][ \t]*"?(?:(?:basic|bearer|digest|negotiate|ntlm)[ \t]+)?([^\r\n"]+)"#,
             groups: [1]),
        Rule(#"\bauthorization"?[ \t]*[:=][ \t]*"?(?:basic|bearer|digest|negotiate|ntlm)[ \t]+([^\r\n"]+)"#, groups: [1]),
        // key: value / key=value forms (not followed by a JSON quote, handled above), on one line.
        Rule(#"\b"# + secretKey + #"\b(?!")[ \t]*[:=][ \t]*"# + value, groups: [1, 2, 3]),
        // `password VALUE`, spaces only, unless VALUE is an ordinary word.
        Rule(#"\b"# + passwordKey + #"[ \t]+(?!"# + notAValue + ")" + value, groups: [1, 2, 3]),
        // user:password@host, with or without a scheme; the user may be `user@corp` or `DOMAIN\user`; the password
        // runs to the last `@` before the host.
        Rule(#"(?:^|[\s"'(=/<,;])[a-z0-9._~%!$+\\@-]+:(?!//)([^\s"']+)@[a-z0-9-]+(?:\.[a-z0-9-]+)*"#, groups: [1]),
    ]

    /// A cheap check that lets most lines through untouched: `token`, `passw`, `passp`, `pwd`, `secret`,
    /// `authoriz` (any case) or `@`. When it says no, ``redact(_:)`` would return the text unchanged.
    public static func mayContainSecret(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { mayContainSecret($0) }
    }

    /// The same check on raw bytes, without decoding or lower-casing a copy (log scanning calls it per line): `@` by
    /// `memchr`, then each pair of letters that starts a marker (`to`, `pa`, `pw`, `se`, `au`, any case), where the
    /// rest of the marker is compared.
    public static func mayContainSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return false }
        let n = bytes.count
        if memchr(p, 0x40, n) != nil { return true }  // @
        var i = 0
        while i + 2 < n {
            switch UInt16(p[i] | 0x20) << 8 | UInt16(p[i + 1] | 0x20) {
            case 0x746F:  // to
                if matches(p, i, n, "token") { return true }
            case 0x7061:  // pa
                if matches(p, i, n, "passw") || matches(p, i, n, "passp") { return true }
            case 0x7077:  // pw
                if matches(p, i, n, "pwd") { return true }
            case 0x7365:  // se
                if matches(p, i, n, "secret") { return true }
            case 0x6175:  // au
                if matches(p, i, n, "authoriz") { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// Whether `marker` (lower-case ASCII) is at `i`, any case.
    private static func matches(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ marker: StaticString) -> Bool {
        let m = marker.utf8CodeUnitCount
        guard i + m <= n else { return false }
        let q = marker.utf8Start
        for k in 2..<m where p[i + k] | 0x20 != q[k] { return false }
        return true
    }
}
