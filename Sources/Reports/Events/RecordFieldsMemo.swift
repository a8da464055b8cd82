import LicensingModel

/// The `fields` member of the last few distinct field dictionaries an ``EventRecordWriter`` wrote, as bytes, so a
/// dictionary written again is copied rather than sorted, screened and escaped again: the occurrences of one folded
/// event (``TimelineOccurrences/event(of:)``) share their event's dictionary, and a timeline writes them by the
/// hundred thousand.
///
/// A dictionary is recognised by its storage, not by its contents: the same storage holds the same fields, for the
/// memo keeps a copy of each dictionary it remembers, so that storage can neither be freed and reused nor changed
/// in place (a change copies it first). Comparing contents would cost about what writing them does. Dictionaries
/// that share no storage (events read one by one) simply never match.
struct RecordFieldsMemo: Sendable {
    private struct Entry: Sendable {
        /// ``storage(of:)`` of ``fields``.
        var id: UInt
        /// Kept so that storage stays this dictionary's.
        var fields: [String: FieldValue]
        var redact: Bool
        var bytes: [UInt8]
    }

    /// Distinct dictionaries remembered, at most.
    static let capacity = 16

    private var entries: [Entry] = []
    /// The entry replaced next once the memo is full (in turn).
    private var victim = 0

    /// Appends the bytes remembered for `fields` (written with the same `redact`); false, writing nothing, when
    /// they are not remembered.
    func append(_ fields: [String: FieldValue], redact: Bool, to bytes: inout [UInt8]) -> Bool {
        guard let id = Self.storage(of: fields) else { return false }
        for i in entries.indices where entries[i].id == id && entries[i].redact == redact {
            bytes.append(contentsOf: entries[i].bytes)
            return true
        }
        return false
    }

    /// Remembers `written` as the bytes of `fields` written with `redact`, in place of the entry written longest ago
    /// when the memo is full.
    mutating func remember(_ fields: [String: FieldValue], redact: Bool, written: ArraySlice<UInt8>) {
        guard let id = Self.storage(of: fields) else { return }
        if entries.count < Self.capacity {
            entries.append(Entry(id: id, fields: fields, redact: redact, bytes: Array(written)))
            return
        }
        entries[victim].id = id
        entries[victim].fields = fields
        entries[victim].redact = redact
        // The entry's buffer is reused: a stream of dictionaries that never repeat allocates nothing here.
        entries[victim].bytes.removeAll(keepingCapacity: true)
        entries[victim].bytes.append(contentsOf: written)
        victim = (victim + 1) % Self.capacity
    }

    /// The address of the storage behind `fields` (a dictionary value is one reference to it); nil where a
    /// dictionary is laid out otherwise, and nothing is remembered.
    static func storage(of fields: [String: FieldValue]) -> UInt? {
        guard MemoryLayout<[String: FieldValue]>.size == MemoryLayout<UInt>.size else { return nil }
        return unsafeBitCast(fields, to: UInt.self)
    }
}
