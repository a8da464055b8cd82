import Foundation

/// Makes events that repeat the same facts share storage: equal field dictionaries, excerpts, paths,
/// zone labels and assumption lists are replaced by one canonical copy, so a dense trace's hundreds of thousands
/// of periodic messages cost one heap object per distinct fact instead of several per event.
///
/// Interning never changes a value (a canonical copy is equal to what it replaces); only the memory behind it is
/// shared (Swift strings, arrays and dictionaries are copy-on-write). Memory grows with the number of distinct
/// facts; the tables are bounded by ``limit`` entries each, past which values are kept as they are.
public struct EventInterner {
    /// The most distinct values remembered per table (a trace whose every line differs gains nothing from
    /// interning, and must not pay for a table as large as the trace).
    public static let limit = 1 << 16

    private var fields: [[String: FieldValue]: [String: FieldValue]] = [:]
    private var excerpts: [String: String] = [:]
    private var names: [String: String] = [:]
    private var lists: [[String]: [String]] = [:]

    /// Creates an empty interner.
    public init() {}

    /// The event with its repeated parts replaced by shared canonical copies; equal to `event`.
    public mutating func intern(_ event: Event) -> Event {
        var e = event
        e.fields = Self.canonical(e.fields, in: &fields)
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

    private static func canonical<V: Hashable>(_ value: V, in table: inout [V: V]) -> V {
        if let known = table[value] { return known }
        if table.count < Self.limit { table[value] = value }
        return value
    }
}
