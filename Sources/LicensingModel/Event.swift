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
    public var snapshot: StatusSnapshot? {
        get { snapshotBox?.value }
        set { snapshotBox = newValue.map(SnapshotBox.init) }
    }
    /// The snapshot behind a reference: it is large and rare, and every array of events would otherwise carry
    /// its full size inline in each element (busy traces hold hundreds of thousands of events).
    private var snapshotBox: SnapshotBox?
    /// The source text of the evidence (one line, or a short excerpt), with secrets already redacted.
    public var excerpt: String?
    /// The later occurrences of the same message in the same file, when repeats were folded into this event
    /// (``EventFolder``): this event is the first occurrence, each repeat has its own instant and line. Nil for an
    /// event that stands alone. Not part of the Codable form: unfold (``unfolded``) before encoding.
    public var repeats: EventRepeats?

    /// Creates an event.
    public init(
        kind: EventKind, time: EventTime?, source: SourcePointer, fields: [String: FieldValue] = [:],
        snapshot: StatusSnapshot? = nil, excerpt: String? = nil
    ) {
        self.kind = kind
        self.time = time
        self.source = source
        self.fields = fields
        self.snapshotBox = snapshot.map(SnapshotBox.init)
        self.excerpt = excerpt
        redactTexts()
    }

    /// Redacts the excerpt and every text field, whatever the parser did (an HTTP reason phrase, a URI, a header).
    private mutating func redactTexts() {
        excerpt = excerpt.map(Redaction.redact)
        for (key, value) in fields {
            if case .string(let text) = value, Redaction.mayContainSecret(text) {
                fields[key] = .string(Redaction.redact(text))
            }
        }
    }

    /// Creates an event whose texts (excerpt and string fields) the caller has already passed through
    /// ``Redaction``'s cheap screen with no hit (the log scanner screens each line once, and every text it keeps is
    /// a piece of that line or a catalog constant screened when the catalog was built):
    /// redaction would change none of them, so they are not screened again. With `screened` false this is
    /// ``init(kind:time:source:fields:snapshot:excerpt:)``.
    package init(
        kind: EventKind, time: EventTime?, source: SourcePointer, fields: [String: FieldValue], excerpt: String?,
        screened: Bool
    ) {
        self.kind = kind
        self.time = time
        self.source = source
        self.fields = fields
        self.snapshotBox = nil
        self.excerpt = excerpt
        if !screened { redactTexts() }
    }

    private enum CodingKeys: String, CodingKey { case kind, time, source, fields, snapshot, excerpt }

    /// Decodes the form ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(EventKind.self, forKey: .kind), time: try c.decodeIfPresent(EventTime.self, forKey: .time),
            source: try c.decode(SourcePointer.self, forKey: .source),
            fields: try c.decode([String: FieldValue].self, forKey: .fields),
            snapshot: try c.decodeIfPresent(StatusSnapshot.self, forKey: .snapshot),
            excerpt: try c.decodeIfPresent(String.self, forKey: .excerpt))
    }

    /// `{"kind":…,"time":…,"source":…,"fields":…,"snapshot":…,"excerpt":…}`, absent members left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encode(source, forKey: .source)
        try c.encode(fields, forKey: .fields)
        try c.encodeIfPresent(snapshot, forKey: .snapshot)
        try c.encodeIfPresent(excerpt, forKey: .excerpt)
    }

    /// The field's text, or nil when absent.
    public subscript(text field: String) -> String? { fields[field]?.text }
}

/// An immutable snapshot held by reference; equal and hashed by value.
private final class SnapshotBox: Hashable, Sendable {
    let value: StatusSnapshot
    init(_ value: StatusSnapshot) { self.value = value }
    static func == (a: SnapshotBox, b: SnapshotBox) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
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
