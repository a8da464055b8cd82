import Foundation
import LicensingModel
import Testing
@testable import Reports

/// Messages built from an event's fields (`kind key=value…`, every capture event without an excerpt) are written as
/// bytes without building the string; the record is byte for byte the one the string path writes, with and without
/// redaction, for every value shape, near the 1,000-character cut and when the secret screen trips.
@Suite struct RecordMessageFieldsTests {
    /// The record as the string path writes it: the message built by ``TimelineJSONLRenderer/message(_:)``, cut at
    /// 1,000 characters, redacted as ``EventRecordEncoder/redactedMessage(_:kind:)`` does.
    static func viaString(_ e: Event, redact: Bool) -> [UInt8] {
        let time = e.time!
        var message = TimelineJSONLRenderer.message(e)
        if message.utf8.count > 1_000 { message = String(message.prefix(1_000)) }
        var bytes: [UInt8] = []
        EventRecordEncoder.append(
            .init(
                message: redact ? EventRecordEncoder.redactedMessage(message, kind: e.kind.rawValue) : message,
                instant: time.instant, timestampDescription: TimelineJSONLRenderer.timestampDescription(e),
                kind: e.kind.rawValue, source: e.source, fields: e.fields, assumptions: time.assumptions,
                timeRaw: time.raw, excerpt: redact ? e.excerpt.map { Redaction.redact($0) } : e.excerpt),
            redact: redact, to: &bytes)
        return bytes
    }

    static func event(_ kind: EventKind, _ fields: [String: FieldValue]) -> Event {
        Event(
            kind: kind, time: EventTime(instant: Date(timeIntervalSince1970: 1_700_000_000.004), raw: "raw"),
            source: .frame("c.pcap", 6), fields: fields, excerpt: nil, screened: true)
    }

    static let instant = Date(timeIntervalSince1970: 1_516_924_800.25)
    static let fieldSets: [[String: FieldValue]] = [
        [:],
        ["dst": "198.51.100.20", "dst_port": 443, "sni": "tools.cisco.com", "certificates_visible": true],
        ["chain": .list(["CN=A,O=B", "CN=C"]), "alpn": .list(["h2", "http/1.1"]), "empty": .list([])],
        ["nested": .list([1, .list(["a", .double(2.5)]), .bool(false)]), "neg": -42, "zero": 0],
        [
            "ratio": .double(0.1), "big": .double(1e20), "tiny": .double(5e-324), "negzero": .double(-0.0),
            "nan": .double(.nan), "inf": .double(.infinity),
        ],
        ["seen": .time(instant), "times": .list([.time(instant), .time(Date(timeIntervalSince1970: 0))])],
        ["quote": "a\"b\\c", "ctl": "tab\there\u{1}", "line": "two\nlines", "crlf": "x\r\ny"],
        ["city": "Zürich", "ladder": "dns✓ tcp✗", "bidi": "rlo \u{202E} here", "sep": "a\u{2028}b", "nel": "a\u{85}b"],
        ["Upper": "1", "lower": "2", "_under": "3", "a.b": "4", "a-b": "5", "é": "6", "e": "7", "10": "8", "9": "9"],
        ["user": "svc@corp", "note": "password: hunter2", "hdr": "Authorization: Basic dXNlcjpw"],
        ["token": "plain", "secretary": "x"],
        ["pad": .string(String(repeating: "x", count: 975))],
        ["pad": .string(String(repeating: "x", count: 976))],
        ["pad": .string(String(repeating: "x", count: 977))],
        ["pad": .string(String(repeating: "é", count: 490))],
        ["pad": .string(String(repeating: "é", count: 600))],
        ["pad": .string(String(repeating: "e\u{301}", count: 400))],
    ]

    @Test("the same bytes as the message built as a string, with and without redaction")
    func sameAsStringPath() {
        for fields in Self.fieldSets {
            for kind in [EventKind.tlsHandshake, .dnsQuery, .stateTransition, .engineAnomaly] {
                let e = Self.event(kind, fields)
                for redact in [true, false] {
                    var bytes: [UInt8] = []
                    #expect(EventRecordEncoder.append(e, redact: redact, to: &bytes))
                    #expect(bytes == Self.viaString(e, redact: redact), "\(kind) \(redact) \(fields.keys.sorted())")
                }
            }
        }
    }

    @Test("a stream written by one writer equals a fresh writer per record")
    func oneWriterForAStream() {
        var writer = EventRecordWriter()
        var stream: [UInt8] = []
        var single: [UInt8] = []
        for fields in Self.fieldSets + Self.fieldSets.reversed() {
            writer.append(Self.event(.tlsHandshake, fields), to: &stream)
            single += Self.viaString(Self.event(.tlsHandshake, fields), redact: true)
        }
        #expect(stream == single)
    }

    @Test("the bytes path is taken unless the message may be cut or the screen trips")
    func bytesPathTaken() {
        func direct(_ fields: [String: FieldValue], _ kind: EventKind = .tlsHandshake, redact: Bool = true) -> Bool {
            var writer = EventRecordWriter()
            var bytes: [UInt8] = []
            return writer.appendMessageFromFields(of: Self.event(kind, fields), kind: kind.rawValue, redact: redact, to: &bytes)
        }
        #expect(direct(Self.fieldSets[1]) && direct(Self.fieldSets[7]) && direct([:]))
        // `tls.handshake pad=` is 18 bytes: 982 more make a message of exactly 1,000, which is not cut.
        #expect(direct(["pad": .string(String(repeating: "x", count: 982))]))
        #expect(!direct(["pad": .string(String(repeating: "x", count: 983))]))
        #expect(!direct(["note": "password: hunter2"]) && direct(["note": "password: hunter2"], redact: false))
        #expect(!direct(["sni": "x"], .stateTransition) && !direct(["sni": "x"], .engineAnomaly))
    }

    @Test("a value's bytes are its text")
    func valueTextBytes() {
        for fields in Self.fieldSets {
            for value in fields.values {
                var bytes: [UInt8] = []
                RecordFields.appendText(value, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == value.text)
                #expect(bytes == Array(value.text.utf8))
            }
        }
    }
}
