import Foundation
import LicensingModel
import Testing
@testable import Reports

/// Every text of a record that may hold a secret is redacted on its own: the record is what redacting each text gives,
/// and no planted secret reaches the output, even from an event that claims to have been screened.
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
        // A secret on a later line of the excerpt, or past the message's 1,000 characters: not in the message, and
        // masked in the excerpt.
        event(.entitlementRequested, excerpt: "clean first line\nproxy password=hunter2", fields: [:]),
        event(.entitlementRequested, excerpt: String(repeating: "x", count: 1_000) + " token=hunter2", fields: [:]),
        event(.stateTransition, excerpt: nil, fields: ["dimension": "registration", "cause": "idtoken hunter2"]),
    ]

    @Test func sameBytesAsRedactingEachText() {
        for e in Self.events {
            var bytes: [UInt8] = []
            #expect(EventRecordEncoder.append(e, to: &bytes))
            #expect(bytes == Self.eachTextRedacted(e), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("hunter2"))
        }
    }

    /// One writer for a stream gives the bytes of a fresh writer per record (what it remembers never leaks).
    @Test func oneWriterForAStreamWritesTheSameBytes() {
        var writer = EventRecordWriter()
        var stream: [UInt8] = []
        var single: [UInt8] = []
        for e in Self.events + Self.events.reversed() {
            writer.append(e, to: &stream)
            EventRecordEncoder.append(e, to: &single)
        }
        #expect(stream == single)
    }
}
