import LicensingModel

/// One message of the catalog: which lines it recognizes (literal anchors, then an optional regex) and which
/// event it turns them into.
///
/// A line is a candidate for the entry when it contains any one of ``anchors`` (case-sensitive bytes); ``unless``,
/// when present, must not match; the ``pattern``, when present, must then match, and its named captures become
/// fields of the event.
public struct MessageEntry: Hashable, Sendable {
    /// A line the entry must recognize, and fields it must produce (the lint checks them).
    public struct Example: Hashable, Sendable {
        /// The example line.
        public var line: String
        /// Field → expected text (a subset of what the entry produces).
        public var expect: [String: String]
        /// Creates an example.
        public init(line: String, expect: [String: String]) {
            self.line = line
            self.expect = expect
        }
    }

    /// Unique id (`syslog.comm-failed`).
    public var id: String
    /// The event kind it emits.
    public var kind: EventKind
    /// Literal byte strings; any one marks a line as a candidate.
    public var anchors: [String]
    /// The regex, when the anchors alone are not enough.
    public var pattern: CatalogPattern?
    /// A regex that vetoes the entry when it matches (lines that look alike but belong to another entry).
    public var unless: CatalogPattern?
    /// Constant fields added to every event.
    public var fields: [String: FieldValue]
    /// Captured fields to store as integers.
    public var integers: Set<String>
    /// Entries sharing a group are exclusive on one line: the first matching one in catalog order wins.
    public var group: String?
    /// Whether a line without its own timestamp takes time and thread from the preceding timed line
    /// (Java exceptions and stack traces).
    public var usesPrecedingContext: Bool
    /// The evidence kind the lines are (`syslog`, `rtmt_alert`, `service_list`, `license_manager_log`).
    public var evidence: EvidenceKind?
    /// Where the message text comes from (`FN72323 [V]`), for docs/messages.md.
    public var sourceNote: String?
    /// Lines it must match.
    public var examples: [Example]
    /// Lines that look close but must not match.
    public var nearMisses: [String]
    /// The file and line:column the entry was read from (`smart-lic.yaml:12:5`).
    public var origin: String

    /// Creates an entry.
    public init(
        id: String, kind: EventKind, anchors: [String], pattern: CatalogPattern? = nil, unless: CatalogPattern? = nil,
        fields: [String: FieldValue] = [:], integers: Set<String> = [], group: String? = nil,
        usesPrecedingContext: Bool = false, evidence: EvidenceKind? = nil, sourceNote: String? = nil,
        examples: [Example] = [], nearMisses: [String] = [], origin: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.anchors = anchors
        self.pattern = pattern
        self.unless = unless
        self.fields = fields
        self.integers = integers
        self.group = group
        self.usesPrecedingContext = usesPrecedingContext
        self.evidence = evidence
        self.sourceNote = sourceNote
        self.examples = examples
        self.nearMisses = nearMisses
        self.origin = origin
    }

    /// Applies the entry to a decoded line.
    /// - Returns: the fields (constants, then captures), or nil when the line is not this message.
    public func fields(for line: String) -> [String: FieldValue]? {
        guard anchors.contains(where: { line.contains($0) }) else { return nil }
        return fields(forCandidate: line)
    }

    /// Like ``fields(for:)`` for a line already known to hold one of the anchors (the prefilter found it).
    func fields(forCandidate line: String) -> [String: FieldValue]? {
        if let unless, unless.captures(in: line) != nil { return nil }
        var out = fields
        guard let pattern else { return out }
        guard let captures = pattern.captures(in: line) else { return nil }
        for (name, value) in captures {
            if integers.contains(name), let n = Int(value) { out[name] = .int(n) } else { out[name] = .string(value) }
        }
        return out
    }
}
