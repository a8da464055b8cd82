import Foundation
import Testing
@testable import LicensingModel

@Suite("vocabulary values")
struct LicensingModelTests {
    @Test("source pointers print and encode flat, and decode back", arguments: [
        (SourcePointer.line("slm.log", 131), "slm.log:131", #"{"line":131,"path":"slm.log","pointer":"slm.log:131"}"#),
        (SourcePointer.frame("a.cap", 7), "a.cap#7", #"{"frame":7,"path":"a.cap","pointer":"a.cap#7"}"#),
        (SourcePointer(path: "x.bin", location: .offset(40)), "x.bin@40", #"{"offset":40,"path":"x.bin","pointer":"x.bin@40"}"#),
        (SourcePointer(path: "engine", location: .file), "engine", #"{"path":"engine","pointer":"engine"}"#),
    ])
    func pointers(pointer: SourcePointer, text: String, json: String) throws {
        #expect(pointer.description == text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(pointer)
        #expect(String(decoding: data, as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(SourcePointer.self, from: data) == pointer)
    }

    @Test("redaction masks tokens, passwords and URL credentials and leaves other text alone", arguments: [
        ("license smart register idtoken NjQ1YjQ5 force", "license smart register idtoken <redacted> force"),
        ("Password: hunter2", "Password: <redacted>"),
        ("proxy http://svc:s3cret@proxy.example.com:3128", "proxy http://svc:<redacted>@proxy.example.com:3128"),
        ("{\"id_token\":\"abc.def\"}", "{\"id_token\":\"<redacted>\"}"),
        ("Communication message send error", "Communication message send error"),
    ])
    func redaction(input: String, expected: String) {
        #expect(Redaction.redact(input) == expected)
        #expect(Redaction.redact(expected) == expected, "redaction is idempotent")
    }

    @Test("calendar arithmetic round-trips and refuses dates that do not exist")
    func calendar() throws {
        for days in stride(from: -800_000, through: 2_900_000, by: 997) {
            let (y, m, d) = LicensingCalendar.civilFromDays(days)
            #expect(LicensingCalendar.daysFromCivil(year: y, month: m, day: d) == days)
        }
        #expect(LicensingCalendar.isValid(year: 2024, month: 2, day: 29))
        #expect(!LicensingCalendar.isValid(year: 2023, month: 2, day: 29))
        #expect(!LicensingCalendar.isValid(year: 99_999_999, month: 1, day: 1))
        #expect(!LicensingCalendar.isValid(year: Int.max, month: 1, day: 1))
        let t = try #require(LicensingCalendar.instant(year: 2018, month: 1, day: 26, hour: 15, minute: 11, second: 23, offsetSeconds: 19_800))
        #expect(t.iso8601UTC == "2018-01-26T09:41:23Z")
        #expect(t.iso8601(offsetSeconds: 19_800) == "2018-01-26T15:11:23+05:30")
        #expect(LicensingCalendar.ciscoStyle(t, offsetSeconds: 19_800) == "Jan 26 15:11:23 2018")
        #expect(LicensingCalendar.month(named: "SEPTEMBER") == 9)
    }

    @Test("CLI state words in their field variants", arguments: [
        ("EVAL MODE", AuthorizationState.evaluation), ("EVALUATION MODE", .evaluation), ("EVAL EXPIRED", .evaluationExpired),
        ("AUTHORIZATION EXPIRED", .authorizationExpired), ("No Licenses in Use", .noLicensesInUse),
        ("IN COMPLIANCE", .authorized), ("OUT OF COMPLIANCE", .outOfCompliance), ("AUTHORIZED", .authorized),
    ])
    func authorizationWords(text: String, state: AuthorizationState) {
        #expect(AuthorizationState(cliText: text) == state)
    }

    @Test("registration words, transports and tiers")
    func otherWords() {
        #expect(RegistrationState(cliText: "UNIDENTIFIED") == .unregistered)
        #expect(RegistrationState(cliText: "Unregistered-registration expired") == .registrationExpired)
        #expect(RegistrationState(cliText: "banana") == nil)
        #expect(TransportMode(cliText: "Callhome") == .direct)
        #expect(TransportMode(cliText: "ssm-satellite") == .satellite)
        #expect(TransportMode(cliText: "Transport Off") == nil)
        #expect(LicenseTier(tag: "regid.2017-02.com.cisco.UCM_CUWL,12.0_cc59375a") == .cuwl)
        #expect(LicenseTier(tag: "regid.2016-07.com.cisco.UCM_EnhancedPlus,12.0_d83") == .enhancedPlus)
        #expect(LicenseTier.enhancedPlus > .enhanced && !LicenseTier.telePresenceRoom.inSubstitutionChain)
        #expect(EntitlementUsage(tag: "t", count: 1, status: "OutOfCompliance").isOutOfCompliance)
        #expect(EntitlementUsage(tag: "t", count: 1, status: "InCompliance").isInCompliance)
    }

    @Test("the vocabulary registry and timer texts")
    func vocabulary() {
        #expect(EventVocabulary.allows("reason", on: .communicationFailed))
        #expect(EventVocabulary.allows("message", on: .tlsHandshake), "common fields are allowed everywhere")
        #expect(!EventVocabulary.allows("sni", on: .communicationFailed))
        #expect(EventKind("no.such.kind").isKnown == false)
        #expect(EventVocabulary.ladderStages == ["dns", "tcp", "proxy", "tls", "certificate", "http", "licensing"])
    }
}

@Suite("redaction of the forms secrets take in the field")
struct RedactionFormsTests {
    @Test(arguments: [
        ("license smart register idtoken  SECRET1 force", "SECRET1"),
        ("license smart register idtoken\tSECRET2", "SECRET2"),
        ("license smart register idtoken=SECRET3", "SECRET3"),
        ("token:SECRET4", "SECRET4"),
        ("Password:  SECRET5", "SECRET5"),
        ("client_secret = SECRET6", "SECRET6"),
        ("{\"proxy_password\" : \"SECRET7\"}", "SECRET7"),
        ("https://user:pa/ss_SECRET8@proxy.example.com/x", "SECRET8"),
        ("CONNECT user:SECRET9@tools.cisco.com:443 HTTP/1.1", "SECRET9"),
        ("Host: u:SECRET10@sat.example.com", "SECRET10"),
    ])
    func masked(line: String, secret: String) {
        let out = Redaction.redact(line)
        #expect(!out.contains(secret), "\(out)")
        #expect(out.contains(Redaction.mask))
        #expect(Redaction.redact(out) == out)
    }

    @Test("ordinary lines pass unchanged", arguments: [
        "10:02:09.031 |4211,,,CiscoSLM,3,14-03-2022 ERROR [SLM-12] com.callhome - Fail to send (ERR 205 : Request Aborted)",
        "Status: AUTHORIZED on Jan 26 15:12:59 2018 IST", "mail admin@example.com", "https://tools.cisco.com/its/service",
    ])
    func unchanged(line: String) {
        #expect(Redaction.redact(line) == line)
    }
}

@Suite("redaction of credential forms found by hostile-input testing")
struct RedactionHostileFormsTests {
    @Test("each form loses its secret, and redacting twice changes nothing", arguments: [
        (#"license smart register idtoken "ab;cd,ef&gh'ij" force"#, ["ab;cd", "ef&gh", "gh'ij"]),
        ("license smart register idtoken ab;cd,ef&gh'ij force", ["ab;cd", "ef&gh", "gh'ij"]),
        ("license smart register idtoken 'quoted single;x'", ["quoted single", "single;x"]),
        ("proxy password Hunter2x", ["Hunter2x"]),
        ("proxy-password Hunter2y", ["Hunter2y"]),
        (#"password="two words""#, ["two words"]),
        ("passphrase=Phrase1", ["Phrase1"]),
        ("ProxyPassword Camel1", ["Camel1"]),
        ("http://user@corp:UserAtCorp1@proxy.example.net:8080", ["UserAtCorp1"]),
        (#"CORP\bob:DomPw1@proxy.example.net"#, ["DomPw1"]),
        ("http://bob:p@ss@proxy.example.net", ["p@ss", "ss@"]),
        ("Proxy-Authorization: Basic Ym9iOnNlY3JldA==", ["Ym9iOnNlY3JldA"]),
        ("HTTP/1.1 407 Denied bob:ReasonPw@proxy.example.net", ["ReasonPw"]),
    ])
    func form(line: String, secrets: [String]) {
        let out = Redaction.redact(line)
        for secret in secrets { #expect(!out.contains(secret), "\(out)") }
        #expect(Redaction.redact(out) == out)
    }

    @Test("ordinary words after `password` stay", arguments: ["password is incorrect", "Proxy password not configured"])
    func words(line: String) {
        #expect(Redaction.redact(line) == line)
    }

    @Test("an excerpt is redacted before it is cut: a secret straddling the cut leaves nothing")
    func straddle() {
        let line = String(repeating: "x", count: 90) + " u:Straddle42@proxy.example.net"
        let cutInside = Redaction.excerpt(line[...], maxBytes: 100)
        #expect(!cutInside.contains("Stra"))
        #expect(cutInside.utf8.count <= 100)
        #expect(!String(line.prefix(100)).contains(Redaction.mask), "cutting first would have leaked")
    }

    @Test("a field copied out of a line loses the secret found in the line")
    func hiding() {
        let secrets = Redaction.secrets(in: "proxy-password Hunter3z")
        #expect(Redaction.redact("Hunter3z", hiding: secrets) == Redaction.mask)
    }
}

@Suite("redaction stays on its line")
struct RedactionLineTests {
    @Test("a status heading named Authorization is not a header; a key at the end of a line does not eat the next",
          arguments: ["License Authorization: \n  Status: AUTHORIZED on Dec 03 18:40:28 2018 UTC",
                      "License Authorization: AUTHORIZED", "Password:\n  Status: REGISTERED"])
    func untouched(text: String) {
        #expect(Redaction.redact(text) == text)
    }
}
