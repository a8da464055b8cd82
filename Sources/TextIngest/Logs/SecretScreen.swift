import LicensingModel

/// A byte-level stand-in for `Redaction.mayContainSecret` on candidate lines: the same markers (`token`, `passw`,
/// `pwd`, `secret`, case-insensitive, and `@`), without building a lower-cased copy of the line. When it says no,
/// `Redaction.redact` would return the text unchanged; when it says yes, the line goes through `Redaction.redact`.
enum SecretScreen {
    private static let markers: [[UInt8]] = ["token", "passw", "pwd", "secret"].map { Array($0.utf8) }

    /// Whether `bytes` may hold a secret.
    static func mayContainSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x40 { return true }
            let c = b | 0x20
            if c == 0x74 || c == 0x70 || c == 0x73 {  // t, p, s
                for m in markers where m[0] == c && i + m.count <= n {
                    var k = 1
                    while k < m.count, bytes[i + k] | 0x20 == m[k] { k += 1 }
                    if k == m.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// The same for a decoded line.
    static func mayContainSecret(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { mayContainSecret($0) }
    }
}
