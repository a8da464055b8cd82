import LicensingModel

/// Remembers what the catalog's entries make of a line's message, so a busy trace that prints the same message
/// thousands of times (an entitlement request every second, with only the time changing) runs the regexes once.
///
/// The key is the line without its leading timestamp. A result is remembered only when the key has been seen
/// before and the entries give the same fields for the whole line and for the line without its timestamp, which
/// shows that nothing in the remembered result came from the timestamp (an `unless: '^\s*…'` anchored at the
/// line start, or a pattern capturing a date, gives different results and is never remembered). A line without a
/// stamp (an exception under a failure) is its own key, remembered at once. Bounded: both
/// tables are emptied when they reach ``capacity``.
struct CatalogMemo {
    static let capacity = 4096

    /// Entry index → fields (nil: the entry does not match), for the candidate entries of the line.
    typealias Results = [(entry: Int, fields: [String: FieldValue]?)]

    private var seen = Set<Substring>()
    private var results: [Substring: Results] = [:]

    /// The entries' fields for `text`: remembered, or computed with `compute` (called with the text to match).
    mutating func fields(
        for text: String, stampRaw: String?, entries: [Int], compute: (String, [Int]) -> Results
    ) -> Results {
        guard let raw = stampRaw, !raw.isEmpty else {
            // No stamp (a continuation line: an exception, a stack frame): the result depends on the text alone.
            let key = Substring(text)
            if let r = results[key], r.map(\.entry) == entries { return r }
            let r = compute(text, entries)
            if results.count >= Self.capacity { results.removeAll(keepingCapacity: true) }
            results[key] = r
            return r
        }
        guard text.hasPrefix(raw) else { return compute(text, entries) }
        let key = text.dropFirst(raw.count)
        if let r = results[key], r.map(\.entry) == entries { return r }
        let full = compute(text, entries)
        guard seen.contains(key) else {
            if seen.count >= Self.capacity { seen.removeAll(keepingCapacity: true) }
            seen.insert(key)
            return full
        }
        let bare = compute(String(key), entries)
        if bare.elementsEqual(full, by: { $0.entry == $1.entry && $0.fields == $1.fields }) {
            if results.count >= Self.capacity { results.removeAll(keepingCapacity: true) }
            results[key] = full
        }
        return full
    }
}
