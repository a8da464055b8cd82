import Foundation
import LicensingModel

/// Writes records of schema `licscope.event/1` (``EventRecordEncoder``) into a byte buffer, one after the other,
/// straight from the event: no intermediate string, array or dictionary per record in the usual case.
///
/// What repeats from record to record is remembered: the escaped source path and assumption list, the `fields` of the
/// dictionaries written last (``RecordFieldsMemo``), the date part of the last day written (``UTCTimestampWriter``),
/// the buffer a message is built in. Keep one writer for a stream of
/// records; the bytes are the same as with a fresh writer per record.
///
/// Secrets: every text that could hold one is screened on its own (``Redaction/mayContainSecret(_:)``) and redacted
/// when the screen trips — the message, the excerpt, each string field value. An excerpt-based message is a piece of
/// the excerpt after the kind's name, so the excerpt's screen covers it.
public struct EventRecordWriter: Sendable {
    private var timestamps = UTCTimestampWriter()
    private var path: (text: String, json: [UInt8])?
    private var assumptions: (list: [String], json: [UInt8])?
    /// A message's text while it is built (reused from record to record).
    private var scratch: [UInt8] = []
    /// The `fields` bytes of the dictionaries written last (the occurrences of a folded event share theirs).
    private var fieldsMemo = RecordFieldsMemo()

    /// Creates a writer with nothing remembered.
    public init() {}

    /// Appends one record (ending in a newline) for a timed event; an untimed event writes nothing and returns false.
    /// - Parameters:
    ///   - event: the event.
    ///   - redact: when true, secrets (registration tokens, proxy passwords) are masked in the texts.
    ///   - bytes: the output buffer.
    /// - Returns: whether a record was written.
    @discardableResult
    public mutating func append(_ event: Event, redact: Bool = true, to bytes: inout [UInt8]) -> Bool {
        guard let time = event.time else { return false }
        let kind = event.kind.rawValue
        let excerptClean = !redact || event.excerpt.map { !Redaction.mayContainSecret($0) } ?? true
        bytes.append(contentsOf: Self.head)
        if !(excerptClean && RecordMessage.appendFromExcerpt(of: event, to: &bytes)),
            !appendMessageFromFields(of: event, kind: kind, redact: redact, to: &bytes)
        {
            var message = TimelineJSONLRenderer.message(event)
            // At most 1,000 characters: a message of at most 1,000 UTF-8 bytes has no more, and is not walked.
            if message.utf8.count > 1_000 { message = String(message.prefix(1_000)) }
            JSONText.appendString(redact ? EventRecordEncoder.redactedMessage(message, kind: kind) : message, to: &bytes)
        }
        let excerpt = excerptClean ? event.excerpt : event.excerpt.map { Redaction.redact($0) }
        appendTail(
            instant: time.instant, timestampDescription: TimelineJSONLRenderer.timestampDescription(event), kind: kind,
            source: event.source, fields: event.fields, assumptions: time.assumptions, timeRaw: time.raw,
            excerpt: excerpt, redact: redact, to: &bytes)
        return true
    }

    /// Appends the message of an event without an excerpt (`kind key=value…`, keys sorted) as a JSON string, built
    /// as bytes in ``scratch`` rather than as a string: the bytes of ``TimelineJSONLRenderer/message(_:)`` and, when
    /// `redact`, of ``EventRecordEncoder/redactedMessage(_:kind:)``. Writes nothing and returns false for any
    /// other event, a message of more than 1,000 bytes (which may be cut) and one the secret screen trips on (which
    /// the patterns rewrite).
    mutating func appendMessageFromFields(
        of event: Event, kind: String, redact: Bool, to bytes: inout [UInt8]
    ) -> Bool {
        guard event.excerpt == nil, event.kind != .stateTransition, event.kind != .engineAnomaly else { return false }
        scratch.removeAll(keepingCapacity: true)
        var name = kind
        name.withUTF8 { scratch.append(contentsOf: $0) }
        let head = scratch.count
        RecordFields.appendMessageText(event.fields, to: &scratch)
        guard scratch.count <= 1_000 else { return false }
        return scratch.withUnsafeBufferPointer { text in
            // `kind` ends where a space (or the end) follows, so the screen sees what `redactedMessage` screens.
            if redact, Redaction.mayContainSecret(UnsafeBufferPointer(rebasing: text[head...])) { return false }
            bytes.append(0x22)
            JSONText.appendEscaped(text, to: &bytes)
            bytes.append(0x22)
            return true
        }
    }

    /// Appends one record built from its parts, ending in a newline.
    /// - Parameters:
    ///   - r: the record's parts (message and excerpt written as given).
    ///   - redact: when true, secrets in string field values are masked.
    ///   - bytes: the output buffer.
    public mutating func append(_ r: EventRecordEncoder.Record, redact: Bool = true, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: Self.head)
        JSONText.appendString(r.message, to: &bytes)
        appendTail(
            instant: r.instant, timestampDescription: r.timestampDescription, kind: r.kind, source: r.source,
            fields: r.fields, assumptions: r.assumptions, timeRaw: r.timeRaw, excerpt: r.excerpt, redact: redact,
            to: &bytes)
    }

    /// Everything after the message, to the newline.
    private mutating func appendTail(
        instant: Date, timestampDescription: String, kind: String, source: SourcePointer, fields: [String: FieldValue],
        assumptions list: [String], timeRaw: String?, excerpt: String?, redact: Bool, to bytes: inout [UInt8]
    ) {
        bytes.append(contentsOf: #","datetime":""#.utf8)
        timestamps.append(instant, to: &bytes)
        bytes.append(contentsOf: #"","timestamp":"#.utf8)
        Self.appendDecimal(EventRecordEncoder.microseconds(instant), to: &bytes)
        bytes.append(contentsOf: #","timestamp_desc":"#.utf8)
        JSONText.appendString(timestampDescription, to: &bytes)
        bytes.append(contentsOf: #","kind":"#.utf8)
        JSONText.appendString(kind, to: &bytes)
        bytes.append(contentsOf: #","source":{"path":"#.utf8)
        appendPath(source.path, to: &bytes)
        switch source.location {
        case .line(let n): appendMember(#","line":"#, n, to: &bytes)
        case .frame(let n): appendMember(#","frame":"#, n, to: &bytes)
        case .offset(let n): appendMember(#","offset":"#, n, to: &bytes)
        case .file: break
        }
        bytes.append(contentsOf: #"},"fields":{"#.utf8)
        if !fieldsMemo.append(fields, redact: redact, to: &bytes) {
            let start = bytes.count
            RecordFields.appendFields(fields, redact: redact, timestamps: &timestamps, to: &bytes)
            fieldsMemo.remember(fields, redact: redact, written: bytes[start...])
        }
        bytes.append(contentsOf: #"},"assumptions":"#.utf8)
        appendAssumptions(list, to: &bytes)
        if let timeRaw {
            bytes.append(contentsOf: #","time_raw":"#.utf8)
            JSONText.appendString(timeRaw, to: &bytes)
        }
        if let excerpt {
            bytes.append(contentsOf: #","excerpt":"#.utf8)
            JSONText.appendString(excerpt, to: &bytes)
        }
        bytes.append(contentsOf: "}\n".utf8)
    }

    /// The start of every record, up to the message.
    private static let head = Array(#"{"schema":"licscope.event/1","message":"#.utf8)

    private func appendMember(_ key: StaticString, _ n: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        Self.appendDecimal(Int64(n), to: &bytes)
    }

    /// The path as a JSON string, escaped once per file.
    private mutating func appendPath(_ text: String, to bytes: inout [UInt8]) {
        if let path, path.text == text {
            bytes.append(contentsOf: path.json)
            return
        }
        var json: [UInt8] = []
        JSONText.appendString(text, to: &json)
        path = (text, json)
        bytes.append(contentsOf: json)
    }

    /// `[…]` of the assumptions, escaped once per distinct list (the records of one file share theirs).
    private mutating func appendAssumptions(_ list: [String], to bytes: inout [UInt8]) {
        if let assumptions, assumptions.list == list {
            bytes.append(contentsOf: assumptions.json)
            return
        }
        var json: [UInt8] = [0x5B]
        for (i, a) in list.enumerated() {
            if i > 0 { json.append(0x2C) }
            JSONText.appendString(a, to: &json)
        }
        json.append(0x5D)
        assumptions = (list, json)
        bytes.append(contentsOf: json)
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k...]))
        }
    }
}
