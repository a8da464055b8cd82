import Foundation

/// The registry of event kinds: each kind's ``KindSpec`` (typed fields with closed value sets, attempt and success
/// roles, replay rank). `rules lint`, the message catalog lint, the state engine and the clock-skew matcher read it;
/// parsers use the ``EventKind`` constants so a typo cannot reach a rule unnoticed.
///
/// Field conventions: times are ISO-8601 UTC; `reason` is the product's own failure text; `error_code` is the
/// product's code (`ERR 207`, `commsend`); `url`, `host`, `port` describe an endpoint.
public enum EventVocabulary {
    /// Fields every kind may carry.
    public static let commonFields: Set<String> = ["message", "component", "level", "thread", "facility", "severity",
        "mnemonic", "node", "host_name", "exception", "exception_message", "notification"]

    /// Kind → declared specification.
    public static let specs: [EventKind: KindSpec] = Dictionary(
        uniqueKeysWithValues: (licensingSpecs + networkSpecs + derivedSpecs).map { ($0.kind, $0) })

    /// Kind → allowed fields (in addition to ``commonFields``).
    public static var fields: [EventKind: Set<String>] { specs.mapValues { Set($0.fields.keys) } }

    /// All registered kinds, sorted.
    public static var kinds: [EventKind] { specs.keys.sorted() }

    /// Whether `field` is allowed on `kind`.
    public static func allows(_ field: String, on kind: EventKind) -> Bool {
        commonFields.contains(field) || (specs[kind]?.fields[field] != nil)
    }

    /// The specification of `field` on `kind` (common fields are open text).
    public static func field(_ field: String, on kind: EventKind) -> FieldSpec? {
        specs[kind]?.fields[field] ?? (commonFields.contains(field) ? .text : nil)
    }

    /// Kinds whose specification satisfies `test`, sorted.
    public static func kinds(where test: (KindSpec) -> Bool) -> Set<EventKind> {
        Set(specs.values.filter(test).map(\.kind))
    }

    /// The ladder stages of a `connectivity.attempt`, in order. Captures and preflight use these exact names.
    public static let ladderStages = ["dns", "tcp", "proxy", "tls", "certificate", "http", "licensing"]

    /// Open text fields.
    static func text(_ names: String...) -> [String: FieldSpec] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, FieldSpec.text) })
    }
}
