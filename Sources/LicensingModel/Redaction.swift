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

    /// Every pattern run over `text`, without the cheap screen first (internal: the tests check the screen against it).
    static func apply(_ text: String) -> (text: String, secrets: [String]) {
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
    /// `authorization` followed by `:` or `=` (any case), or `@`. When it says no, ``redact(_:)`` would return the
    /// text unchanged.
    public static func mayContainSecret(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { mayContainSecret($0) }
    }

    /// The same check on raw bytes, without decoding or lower-casing a copy (log scanning calls it per line): `@` by
    /// `memchr`, then each pair of letters that starts a marker (`to`, `pa`, `pw`, `se`, `au`, any case), where the
    /// rest of the marker is compared.
    ///
    /// `authorization` only matters where the header patterns can match: before `:` or `=`, with at most a quote
    /// and blanks between (``authorizationAssigns(_:_:_:)``). A bare `AUTHORIZATION` (a request type, a state, an
    /// event kind's name) passes, so the records that name it are not rewritten through every pattern.
    public static func mayContainSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return false }
        let n = bytes.count
        if memchr(p, 0x40, n) != nil { return true }  // @
        var i = 0
        // Eight positions at a time: the pairs starting there are compared with the five marker starts all at once
        // (``pairStarts(_:_:)``), and only a block where one may start is read position by position.
        let raw = UnsafeRawPointer(p)
        while i + 9 <= n {
            let here = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let next = raw.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self)
            if pairStarts(here, next) {
                for k in i..<(i + 8) where markerStarts(p, k, n) { return true }
            }
            i += 8
        }
        while i + 2 < n {
            if markerStarts(p, i, n) { return true }
            i += 1
        }
        return false
    }

    /// Whether a marker starts at `i`: its first two letters (any case) pick the marker, whose rest is compared.
    @inline(__always)
    private static func markerStarts(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        switch UInt16(p[i] | 0x20) << 8 | UInt16(p[i + 1] | 0x20) {
        case 0x746F: return matches(p, i, n, "token")  // to
        case 0x7061: return matches(p, i, n, "passw") || matches(p, i, n, "passp")  // pa
        case 0x7077: return matches(p, i, n, "pwd")  // pw
        case 0x7365: return matches(p, i, n, "secret")  // se
        case 0x6175: return matches(p, i, n, "authorization") && authorizationAssigns(p, i + 13, n)  // au
        default: return false
        }
    }

    /// Whether one of the pairs `to`, `pa`, `pw`, `se`, `au` (any case) may start at one of eight positions: `here`
    /// holds the bytes at the positions, `next` the bytes one further. Never false where a pair starts (the
    /// zero-byte test can misfire only above a real match, which sends the block to the exact reading anyway).
    @inline(__always)
    private static func pairStarts(_ here: UInt64, _ next: UInt64) -> Bool {
        let a = here | ByteLanes.repeated(0x20)
        let b = next | ByteLanes.repeated(0x20)
        let t = ByteLanes.equal(a, 0x74) & ByteLanes.equal(b, 0x6F)  // to
        let p = ByteLanes.equal(a, 0x70) & (ByteLanes.equal(b, 0x61) | ByteLanes.equal(b, 0x77))  // pa pw
        let s = ByteLanes.equal(a, 0x73) & ByteLanes.equal(b, 0x65)  // se
        let u = ByteLanes.equal(a, 0x61) & ByteLanes.equal(b, 0x75)  // au
        return t | p | s | u != 0
    }

    /// Whether what follows `authorization` (from `j`) is `:` or `=` after bytes the header patterns allow there
    /// (`"?[ \t]*`) — or their JSON escapes (`\"`, `\t`, `\u0009`), so that JSON text holding a header trips the
    /// screen as the header itself does.
    private static func authorizationAssigns(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        var k = j
        while k < n {
            switch p[k] {
            case 0x3A, 0x3D: return true  // : =
            case 0x22, 0x5C, 0x20, 0x09, 0x74, 0x75, 0x30, 0x39: k += 1  // " \ space tab, and t u 0 9 of escapes
            default: return false
            }
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
