import Testing
@testable import LicensingModel

/// The cheap secret screen (``Redaction/mayContainSecret(_:)``) read by letter pairs says what the marker-by-marker
/// reading said, on every text.
@Suite struct SecretScreenPairTests {
    /// The screen written marker by marker: `@`, or a marker starting at any byte, compared byte by byte (any case);
    /// `authorization` counts only before `:` or `=` with quotes, blanks or the letters of their JSON escapes between.
    static func reference(_ text: String) -> Bool {
        let b = Array(text.utf8)
        let markers = ["token", "passw", "passp", "pwd", "secret"].map { Array($0.utf8) }
        let authorization = Array("authorization".utf8)
        func at(_ m: [UInt8], _ i: Int) -> Bool {
            i + m.count <= b.count && (0..<m.count).allSatisfy({ b[i + $0] | 0x20 == m[$0] })
        }
        for i in b.indices {
            if b[i] == 0x40 { return true }
            if markers.contains(where: { at($0, i) }) { return true }
            if at(authorization, i) {
                let rest = b[(i + authorization.count)...].drop { Array(#""\ \#tu09"#.utf8).contains($0) }
                if let next = rest.first, next == UInt8(ascii: ":") || next == UInt8(ascii: "=") { return true }
            }
        }
        return false
    }

    @Test func agreesWithTheMarkerByMarkerReading() {
        let pieces = ["to", "TOK", "token", "Token", "tokeN", "pass", "passw", "PassP", "pw", "pwd", "PWD", "se",
            "secre", "secret", "SECRET", "au", "authori", "Authoriz", "@", "x", " ", "\u{00E9}", "t", "p", "s", "a",
            "o", "ken", "word", "d", "cret", "rization", "\u{0}", "\u{7F}", "authorization", "AUTHORIZATION", ":",
            "=", "\"", "\\", "\t", "u0009", "ation"]
        var state: UInt64 = 42  // a fixed linear congruential sequence: the same texts on every run
        var hits = 0
        for n in 0..<20_000 {
            var text = ""
            for _ in 0..<(n % 13) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let expected = Self.reference(text)
            if expected { hits += 1 }
            #expect(Redaction.mayContainSecret(text) == expected, "\(text.debugDescription)")
        }
        #expect(hits > 1_000)
    }

    @Test func markersAtTheEdges() {
        for text in ["pwd", "xpwd", "pwdx", "pw", "wd", "token", "toke", "@", "a@", "AUTHORIZ", "authori", "authorization",
                     "authorization:", "authorization\"", "authorization\" ="] {
            #expect(Redaction.mayContainSecret(text) == Self.reference(text), "\(text)")
        }
    }

    /// `authorization` that no header pattern can take passes the screen: a request type, a state, a kind's name.
    @Test func bareAuthorizationPasses() {
        for text in ["request_type=AUTHORIZATION", "license authorization.renew.failed", "AUTHORIZATION EXPIRED",
                     #"{"request_type":"AUTHORIZATION"}"#, "Authorization renewal scheduled"] {
            #expect(!Redaction.mayContainSecret(text), "\(text)")
        }
        for text in ["Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: NTLM abc", #""authorization" = Bearer x"#,
                     "authorization=Digest y", #"{"authorization\":\"Basic z\"}"#, "Authorization\t: Basic q",
                     #"Authorization\u0009: Basic q"#] {
            #expect(Redaction.mayContainSecret(text), "\(text)")
        }
    }

    /// Where the screen says no, every pattern leaves the text as it is (the screen never hides a secret), on texts
    /// built from header pieces around `authorization`.
    @Test func screenNeverHidesAnAuthorizationHeader() {
        let pieces = ["authorization", "Proxy-", "AUTHORIZATION", ":", "=", " ", "\t", "\"", "basic ", "Bearer ",
                      "dXNlcjpw", "x", "request_type", ".renew", "\n", "Authorization: Basic ", "authorization\"=ntlm "]
        var state: UInt64 = 7
        var masked = 0
        for n in 0..<5_000 {
            var text = ""
            for _ in 0..<(2 + n % 6) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let changed = Redaction.apply(text).text != text
            if changed { masked += 1 }
            #expect(!changed || Redaction.mayContainSecret(text), "\(text.debugDescription)")
        }
        #expect(masked > 20)
    }
}
