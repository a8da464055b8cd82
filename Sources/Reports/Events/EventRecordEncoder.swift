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
    /// (Timesketch needs a time on every line). A stream of records is written faster by one ``EventRecordWriter``.
    /// - Parameters:
    ///   - event: the event.
    ///   - redact: when true, secrets (registration tokens, proxy passwords) are masked in strings.
    ///   - bytes: the output buffer.
    /// - Returns: whether a record was written.
    @discardableResult
    public static func append(_ event: Event, redact: Bool = true, to bytes: inout [UInt8]) -> Bool {
        var writer = EventRecordWriter()
        return writer.append(event, redact: redact, to: &bytes)
    }

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
        var writer = EventRecordWriter()
        writer.append(r, redact: redact, to: &bytes)
    }

    /// Microseconds since the epoch (0 for an instant out of range).
    public static func microseconds(_ d: Date) -> Int64 {
        let us = (d.timeIntervalSince1970 * 1_000_000).rounded()
        return us.isFinite && abs(us) < 9e18 ? Int64(us) : 0
    }

    /// A finite number as `JSONEncoder` writes it (the shortest text that reads back, `.0` dropped: `12`, `0.25`,
    /// `1e+20`, `-0`), without an encoder per value.
    static func jsonNumber(_ d: Double) -> String {
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
