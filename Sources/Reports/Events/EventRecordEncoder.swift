import Foundation
import LicensingModel

/// The one event record shape of every JSON Lines output (`events`, `packets`, `analyze --format jsonl`),
/// schema `licscope.event/1`, documented in docs/report-schema.md:
///
/// `{"schema":"licscope.event/1","message":…,"datetime":…,"timestamp":…,"timestamp_desc":…,"kind":…,
/// "source":{"path":…,"line"|"frame"|"offset":…},"fields":{…},"assumptions":[…],"time_raw":…,"excerpt":…}`
///
/// `message`, `datetime` (ISO-8601 UTC) and `timestamp_desc` are the fields Timesketch requires; `time_raw` and
/// `excerpt` are left out when absent. Records are written straight into a byte buffer (no intermediate objects),
/// with keys in this fixed order; strings are escaped by ``JSONText`` (control and format characters as `\uXXXX`).
public enum EventRecordEncoder {
    /// The schema name and version written in every record.
    public static let schema = "licscope.event/1"

    /// Appends one record (ending in a newline) for a timed event; an untimed event writes nothing and returns false
    /// (Timesketch needs a time on every line).
    /// - Parameters:
    ///   - event: the event.
    ///   - redact: when true, secrets (registration tokens, proxy passwords) are masked in strings.
    ///   - bytes: the output buffer.
    /// - Returns: whether a record was written.
    @discardableResult
    public static func append(_ event: Event, redact: Bool = true, to bytes: inout [UInt8]) -> Bool {
        guard let time = event.time else { return false }
        var message = TimelineJSONLRenderer.message(event)
        // At most 1,000 characters: a message of at most 1,000 UTF-8 bytes has no more, and is not walked.
        if message.utf8.count > 1_000 { message = String(message.prefix(1_000)) }
        let kind = event.kind.rawValue
        var record = Record(
            message: message, instant: time.instant, timestampDescription: TimelineJSONLRenderer.timestampDescription(event),
            kind: kind, source: event.source, fields: event.fields, assumptions: time.assumptions, timeRaw: time.raw,
            excerpt: event.excerpt)
        let start = bytes.count
        let kindRange = write(record, redact: false, to: &bytes)
        guard redact, mayHoldSecret(bytes, record: start, kind: kindRange, kindName: kind) else { return true }
        // Something may be a secret: the record is written again with every text redacted.
        bytes.removeSubrange(start...)
        record.message = redactedMessage(message, kind: kind)
        record.excerpt = event.excerpt.map { Redaction.redact($0) }
        write(record, redact: true, to: &bytes)
        return true
    }

    /// Whether the written record from `start` may hold a secret: one pass of the cheap screen over its bytes,
    /// leaving out the kind's name (in the `kind` member at `kind`, and at the start of the message), which is never
    /// redacted and trips the screen (`authorization.requested`). JSON escaping never splits a run of letters or an
    /// `@`, so when the record passes, each of its texts passes on its own and redacting them would change nothing.
    static func mayHoldSecret(_ bytes: [UInt8], record start: Int, kind: Range<Int>, kindName: String) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var from = start + messageOffset
            if b[from..<min(kind.lowerBound, from + kindName.utf8.count)].elementsEqual(kindName.utf8) {
                from += kindName.utf8.count
            }
            return Redaction.mayContainSecret(UnsafeBufferPointer(rebasing: b[from..<kind.lowerBound]))
                || Redaction.mayContainSecret(UnsafeBufferPointer(rebasing: b[kind.upperBound...]))
        }
    }

    /// Where the message text starts in a record.
    private static let messageOffset = #"{"schema":"licscope.event/1","message":""#.utf8.count

    /// `message` redacted. A message that is the kind's name and a text the cheap screen passes is returned as it
    /// is without running the patterns: no kind name forms a secret with what follows it (`authorization.requested: `
    /// only trips the screen, on every authorization record of a busy trace).
    static func redactedMessage(_ message: String, kind: String) -> String {
        if message.hasPrefix(kind), !Redaction.mayContainSecret(String(message.dropFirst(kind.count))) { return message }
        return Redaction.redact(message)
    }

    /// The parts of one record, for records that are not parser events (findings, connection ladders, flows).
    public struct Record: Sendable {
        public var message: String
        public var instant: Date
        public var timestampDescription: String
        public var kind: String
        public var source: SourcePointer
        public var fields: [String: FieldValue]
        public var assumptions: [String]
        public var timeRaw: String?
        public var excerpt: String?

        /// Creates the parts of a record.
        public init(
            message: String, instant: Date, timestampDescription: String, kind: String, source: SourcePointer,
            fields: [String: FieldValue], assumptions: [String] = [], timeRaw: String? = nil, excerpt: String? = nil
        ) {
            self.message = message
            self.instant = instant
            self.timestampDescription = timestampDescription
            self.kind = kind
            self.source = source
            self.fields = fields
            self.assumptions = assumptions
            self.timeRaw = timeRaw
            self.excerpt = excerpt
        }
    }

    /// Appends one record, ending in a newline.
    /// - Parameters:
    ///   - r: the record's parts (message and excerpt as given).
    ///   - redact: when true, secrets in string field values are masked.
    ///   - bytes: the output buffer.
    public static func append(_ r: Record, redact: Bool = true, to bytes: inout [UInt8]) {
        write(r, redact: redact, to: &bytes)
    }

    /// Writes one record; returns where the kind's text lies in `bytes`.
    @discardableResult
    private static func write(_ r: Record, redact: Bool, to bytes: inout [UInt8]) -> Range<Int> {
        bytes.append(contentsOf: #"{"schema":"licscope.event/1","message":"#.utf8)
        JSONText.appendString(r.message, to: &bytes)
        bytes.append(contentsOf: #","datetime":"#.utf8)
        JSONText.appendString(r.instant.iso8601UTC, to: &bytes)
        bytes.append(contentsOf: #","timestamp":"#.utf8)
        bytes.append(contentsOf: String(microseconds(r.instant)).utf8)
        bytes.append(contentsOf: #","timestamp_desc":"#.utf8)
        JSONText.appendString(r.timestampDescription, to: &bytes)
        bytes.append(contentsOf: #","kind":"#.utf8)
        let kindStart = bytes.count + 1
        JSONText.appendString(r.kind, to: &bytes)
        let kindEnd = bytes.count - 1
        bytes.append(contentsOf: #","source":{"path":"#.utf8)
        JSONText.appendString(r.source.path, to: &bytes)
        switch r.source.location {
        case .line(let n): bytes.append(contentsOf: ",\"line\":\(n)".utf8)
        case .frame(let n): bytes.append(contentsOf: ",\"frame\":\(n)".utf8)
        case .offset(let n): bytes.append(contentsOf: ",\"offset\":\(n)".utf8)
        case .file: break
        }
        bytes.append(contentsOf: #"},"fields":{"#.utf8)
        for (i, k) in r.fields.keys.sorted().enumerated() {
            if i > 0 { bytes.append(0x2C) }
            JSONText.appendString(k, to: &bytes)
            bytes.append(0x3A)
            appendValue(r.fields[k]!, redact: redact, to: &bytes)
        }
        bytes.append(contentsOf: #"},"assumptions":["#.utf8)
        for (i, a) in r.assumptions.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            JSONText.appendString(a, to: &bytes)
        }
        bytes.append(0x5D)
        if let raw = r.timeRaw {
            bytes.append(contentsOf: #","time_raw":"#.utf8)
            JSONText.appendString(raw, to: &bytes)
        }
        if let excerpt = r.excerpt {
            bytes.append(contentsOf: #","excerpt":"#.utf8)
            JSONText.appendString(excerpt, to: &bytes)
        }
        bytes.append(contentsOf: "}\n".utf8)
        return kindStart..<kindEnd
    }

    /// Microseconds since the epoch (0 for an instant out of range).
    public static func microseconds(_ d: Date) -> Int64 {
        let us = (d.timeIntervalSince1970 * 1_000_000).rounded()
        return us.isFinite && abs(us) < 9e18 ? Int64(us) : 0
    }

    private static func appendValue(_ v: FieldValue, redact: Bool, to bytes: inout [UInt8]) {
        switch v {
        case .string(let s): JSONText.appendString(redact ? Redaction.redact(s) : s, to: &bytes)
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .time(let t): JSONText.appendString(t.iso8601UTC, to: &bytes)
        case .double(let d):
            // JSONEncoder's number form (`1e+20`, `-0`); a non-finite number is written as its text.
            if d.isFinite, let data = try? JSONEncoder().encode(d) {
                bytes.append(contentsOf: data)
            } else {
                JSONText.appendString(String(d), to: &bytes)
            }
        case .list(let items):
            bytes.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                appendValue(item, redact: redact, to: &bytes)
            }
            bytes.append(0x5D)
        }
    }
}
