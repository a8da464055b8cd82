import Testing
@testable import LicensingModel

/// The cheap secret screen (``Redaction/mayContainSecret(_:)``) read by letter pairs says what the marker-by-marker
/// reading said, on every text.
@Suite struct SecretScreenPairTests {
    /// The screen as it was first written: `@`, or a marker starting at any byte, compared byte by byte (any case).
    static func reference(_ text: String) -> Bool {
        let b = Array(text.utf8)
        let markers = ["token", "passw", "passp", "pwd", "secret", "authoriz"].map { Array($0.utf8) }
        for i in b.indices {
            if b[i] == 0x40 { return true }
            for m in markers where i + m.count <= b.count && (0..<m.count).allSatisfy({ b[i + $0] | 0x20 == m[$0] }) {
                return true
            }
        }
        return false
    }

    @Test func agreesWithTheMarkerByMarkerReading() {
        let pieces = ["to", "TOK", "token", "Token", "tokeN", "pass", "passw", "PassP", "pw", "pwd", "PWD", "se",
            "secre", "secret", "SECRET", "au", "authori", "Authoriz", "@", "x", " ", "\u{00E9}", "t", "p", "s", "a",
            "o", "ken", "word", "d", "cret", "rization", "\u{0}", "\u{7F}"]
        var state: UInt64 = 42  // a fixed linear congruential sequence: the same texts on every run
        var hits = 0
        for n in 0..<20_000 {
            var text = ""
            for _ in 0..<(n % 7) {
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
        for text in ["pwd", "xpwd", "pwdx", "pw", "wd", "token", "toke", "@", "a@", "AUTHORIZ", "authori"] {
            #expect(Redaction.mayContainSecret(text) == Self.reference(text), "\(text)")
        }
    }
}
