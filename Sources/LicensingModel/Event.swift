import Foundation

/// One observation from the evidence, in the shared vocabulary: what happened (`kind`), when (`time`),
/// where it was read (`source`), and its typed details (`fields`).
///
/// Parsers emit events and never verdicts; the state engine keeps state; rules judge.
public struct Event: Hashable, Sendable, Codable {
    /// The stable dotted name (`registration.failed`, `tls.handshake`).
    public var kind: EventKind
    /// When it happened; nil for evidence without a timestamp (a `utils service list` output, say).
    public var time: EventTime?
    /// The file and line or frame it was read from.
    public var source: SourcePointer
    /// Typed details, keyed by the field names registered for `kind` in ``EventVocabulary``.
    public var fields: [String: FieldValue]
    /// The parsed CLI output, for `status.snapshot` events.
    public var snapshot: StatusSnapshot?
    /// The source text of the evidence (one line, or a short excerpt), with secrets already redacted.
    public var excerpt: String?

    /// Creates an event.
    public init(
        kind: EventKind, time: EventTime?, source: SourcePointer, fields: [String: FieldValue] = [:],
        snapshot: StatusSnapshot? = nil, excerpt: String? = nil
    ) {
        self.kind = kind
        self.time = time
        self.source = source
        self.fields = fields
        self.snapshot = snapshot
        self.excerpt = excerpt
    }

    /// The field's text, or nil when absent.
    public subscript(text field: String) -> String? { fields[field]?.text }
}

extension Event {
    /// Orders events for a timeline: by instant (untimed last), then by source, then by kind — a total, stable order.
    public static func timelineOrder(_ a: Event, _ b: Event) -> Bool {
        switch (a.time?.instant, b.time?.instant) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            if a.source != b.source { return a.source < b.source }
            return a.kind.rawValue < b.kind.rawValue
        }
    }
}
