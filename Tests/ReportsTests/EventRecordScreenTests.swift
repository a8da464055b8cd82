import Foundation
import LicensingModel
import Testing
@testable import Reports

/// A record whose texts pass the secret screen together is written once, unredacted; any other is written with
/// every text redacted. Both give what redacting each text on its own gives.
@Suite struct EventRecordScreenTests {
    /// Every text redacted on its own: the record as written before the single screen.
    static func eachTextRedacted(_ e: Event) -> [UInt8] {
        let time = e.time!
        let message = String(TimelineJSONLRenderer.message(e).prefix(1_000))
        var bytes: [UInt8] = []
        EventRecordEncoder.append(
            .init(
                message: EventRecordEncoder.redactedMessage(message, kind: e.kind.rawValue), instant: time.instant,
                timestampDescription: TimelineJSONLRenderer.timestampDescription(e), kind: e.kind.rawValue,
                source: e.source, fields: e.fields, assumptions: time.assumptions, timeRaw: time.raw,
                excerpt: e.excerpt.map { Redaction.redact($0) }),
            redact: true, to: &bytes)
        return bytes
    }

    static func event(_ kind: EventKind, excerpt: String?, fields: [String: FieldValue], path: String = "slm.log") -> Event {
        // `screened: true` keeps the secrets in the event, as a parser bug would: the encoder must still mask them.
        Event(
            kind: kind, time: EventTime(instant: Date(timeIntervalSince1970: 1_516_924_800), raw: "2018-01-26 00:00:00"),
            source: .line(path, 7), fields: fields, excerpt: excerpt, screened: true)
    }

    static let events: [Event] = [
        event(.authorizationRequested, excerpt: "queue auth message, status: true", fields: ["level": "DEBUG"]),
        event(.authorizationRequested, excerpt: "send auth proxy_password=hunter2", fields: [:]),
        event(.entitlementRequested, excerpt: "entitlementTag: regid.x", fields: ["tag": "regid.x", "n": 3]),
        event(.entitlementRequested, excerpt: "clean line", fields: ["note": "password: hunter2"]),
        event(.entitlementRequested, excerpt: "clean line", fields: ["list": .list(["token=abc", 1])]),
        event(.entitlementRequested, excerpt: "http://svc:hunter2@proxy.example.com", fields: [:]),
        event(.entitlementRequested, excerpt: nil, fields: ["secret": "x", "a": "Authorization: Basic dXNlcjpw"]),
        event(.entitlementRequested, excerpt: "line\twith \"quotes\" and \u{1}", fields: ["q": "a\"b\\c"]),
        event(.entitlementRequested, excerpt: "clean", fields: [:], path: "/cases/user@corp/slm.log"),
    ]

    @Test func sameBytesAsRedactingEachText() {
        for e in Self.events {
            var bytes: [UInt8] = []
            #expect(EventRecordEncoder.append(e, to: &bytes))
            #expect(bytes == Self.eachTextRedacted(e), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("hunter2"))
        }
    }

    @Test func theKindNameAloneDoesNotTripTheScreen() {
        let e = Self.events[0]
        var bytes: [UInt8] = []
        EventRecordEncoder.append(e, to: &bytes)
        #expect(!EventRecordEncoder.mayHoldSecret(bytes, record: 0, kind: Self.kindRange(bytes, e), kindName: e.kind.rawValue))
        #expect(EventRecordEncoder.mayHoldSecret(
            Self.bytes(Self.events[1]), record: 0, kind: Self.kindRange(Self.bytes(Self.events[1]), Self.events[1]),
            kindName: Self.events[1].kind.rawValue))
    }

    static func bytes(_ e: Event) -> [UInt8] {
        var b: [UInt8] = []
        EventRecordEncoder.append(e, redact: false, to: &b)
        return b
    }

    static func kindRange(_ bytes: [UInt8], _ e: Event) -> Range<Int> {
        let needle = Array("\"kind\":\"\(e.kind.rawValue)\"".utf8)
        let at = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
        return (at + 8)..<(at + needle.count - 1)
    }
}
