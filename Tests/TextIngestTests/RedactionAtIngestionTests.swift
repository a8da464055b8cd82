import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// Registration tokens and proxy passwords never leave ingestion: not in excerpts, fields, or encoded events.
@Suite struct RedactionAtIngestionTests {
    static let token = "ZmFrZS10b2tlbi1mb3ItdGVzdHMtb25seQ=="

    @Test func registrationTokenIsRedacted() throws {
        let r = TestSupport.ingest(fixture: "slm-log4j.log")
        let e = try #require(r.events(.registrationRequested).first)
        #expect(e.excerpt?.contains(Self.token) == false)
        #expect(e.excerpt?.contains("idtoken <redacted> force") == true)
        let json = String(decoding: try JSONEncoder().encode(r.events), as: UTF8.self)
        #expect(!json.contains(Self.token))
    }

    @Test func proxyCredentialsAreRedactedInExcerptAndFields() throws {
        let text = """
            admin:license smart transport proxy http://svc:hunter2@proxy.example.com 3128
            2018-01-26 15:11:06,118 ERROR [t] c.X - Communication failure: Fail to send out Call Home HTTP message. proxy_password=hunter2 user=svc
            """
        let r = TestSupport.ingest(text)
        #expect(r.events.count == 2)
        let json = String(decoding: try JSONEncoder().encode(r.events), as: UTF8.self)
        #expect(!json.contains("hunter2"))
        #expect(r.events[0][text: "proxy_host"] == "http://svc:<redacted>@proxy.example.com")
        #expect(r.events[0].fields["proxy_port"] == .int(3128))
    }
}

@Suite struct SecretScreenTests {
    /// The byte-level screen says yes exactly when a secret marker is present (and redaction could change the text).
    @Test(arguments: [
        ("license smart register idtoken abc", true), ("TOKEN=1", true), ("Password: x", true), ("passwd=1", true),
        ("pwd=2", true), ("client_secret=3", true), ("http://u:p@h/", true), ("nothing to see", false), ("", false),
        ("tok en", false), ("PASS word", false), ("secr et", false), ("p", false), ("Smart Licensing message", false),
    ])
    func screen(_ text: String, _ expected: Bool) {
        #expect(Redaction.mayContainSecret(text) == expected)
        if !expected { #expect(Redaction.redact(text) == text) }
    }
}
