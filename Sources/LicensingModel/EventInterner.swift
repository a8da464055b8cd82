import Foundation

/// Makes events that repeat the same facts share storage: equal field dictionaries, excerpts, paths,
/// zone labels and assumption lists are replaced by one canonical copy, so a dense trace's hundreds of thousands
/// of periodic messages cost one heap object per distinct fact instead of several per event.
///
/// Interning never changes a value (a canonical copy is equal to what it replaces); only the memory behind it is
/// shared (Swift strings, arrays and dictionaries are copy-on-write). Memory grows with the number of distinct
/// facts; the tables are bounded by ``limit`` entries each, past which values are kept as they are. Field
/// dictionaries are looked up by their ``EventDigest`` (confirmed with `==`), not hashed whole.
public struct EventInterner {
    /// The most distinct values remembered per table (a trace whose every line differs gains nothing from
    /// interning, and must not pay for a table as large as the trace).
    public static let limit = 1 << 16

    /// Field-dictionary digest → the canonical dictionaries with that digest (one, but for a collision).
    private var fields: [UInt64: [[String: FieldValue]]] = [:]
    private var fieldCount = 0
    private var excerpts: [String: String] = [:]
    private var names: [String: String] = [:]
    private var lists: [[String]: [String]] = [:]

    /// Creates an empty interner.
    public init() {}

    /// The event with its repeated parts replaced by shared canonical copies; equal to `event`.
    public mutating func intern(_ event: Event) -> Event { intern(event, fieldsDigest: nil) }

    /// ``intern(_:)``, given the digest of the event's fields when the caller has it (``EventDigest/fields(_:)``).
    mutating func intern(_ event: Event, fieldsDigest: UInt64?) -> Event {
        var e = event
        e.fields = canonical(e.fields, digest: fieldsDigest ?? EventDigest.fields(e.fields))
        if let x = e.excerpt { e.excerpt = Self.canonical(x, in: &excerpts) }
        e.source.path = Self.canonical(e.source.path, in: &names)
        if var t = e.time {
            // The timestamp text (`raw`) is left alone: it differs on nearly every line.
            if let z = t.zoneLabel { t.zoneLabel = Self.canonical(z, in: &names) }
            if !t.assumptions.isEmpty { t.assumptions = Self.canonical(t.assumptions, in: &lists) }
            e.time = t
        }
        return e
    }

    private mutating func canonical(_ value: [String: FieldValue], digest: UInt64) -> [String: FieldValue] {
        if let known = fields[digest]?.first(where: { $0 == value }) { return known }
        if fieldCount < Self.limit {
            fields[digest, default: []].append(value)
            fieldCount += 1
        }
        return value
    }

    private static func canonical<V: Hashable>(_ value: V, in table: inout [V: V]) -> V {
        if let known = table[value] { return known }
        if table.count < Self.limit { table[value] = value }
        return value
    }
}
