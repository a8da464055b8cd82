import Foundation
import LicensingModel

/// Writes the `fields` member of event records with keys in sorted order, remembering that order per field set:
/// the records of a stream share a few field sets (an entitlement request's `level`, `tag`, `thread`), so the keys
/// are sorted once per set, not once per record.
struct FieldOrders: Sendable {
    /// One field set: its keys in a dictionary's iteration order, and the positions of those keys in sorted order.
    private struct Order: Sendable {
        var keys: [String]
        var sorted: [Int]
    }

    /// The orders seen, most recent last (at most ``limit``).
    private var known: [Order] = []
    private static let limit = 32

    /// Appends `"key":value,…` for every field, keys sorted; string values redacted when `redact` is true.
    mutating func appendFields(
        _ fields: [String: FieldValue], redact: Bool, timestamps: inout UTCTimestampWriter, to bytes: inout [UInt8]
    ) {
        let n = fields.count
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: [String: FieldValue].Index.self, capacity: n) { slots in
            var k = 0
            var i = fields.startIndex
            while i != fields.endIndex {
                slots.initializeElement(at: k, to: i)
                k += 1
                fields.formIndex(after: &i)
            }
            let sorted = order(of: fields, slots)
            for (j, p) in sorted.enumerated() {
                if j > 0 { bytes.append(0x2C) }
                JSONText.appendString(fields.keys[slots[p]], to: &bytes)
                bytes.append(0x3A)
                Self.appendValue(fields.values[slots[p]], redact: redact, timestamps: &timestamps, to: &bytes)
            }
            _ = slots.deinitialize()
        }
    }

    /// The positions (in iteration order, as in `slots`) of `fields`' keys in sorted order.
    private mutating func order(
        of fields: [String: FieldValue], _ slots: UnsafeMutableBufferPointer<[String: FieldValue].Index>
    ) -> [Int] {
        var j = known.count - 1
        search: while j >= 0 {
            defer { j -= 1 }
            guard known[j].keys.count == slots.count else { continue }
            for k in 0..<slots.count where fields.keys[slots[k]] != known[j].keys[k] { continue search }
            return known[j].sorted
        }
        let keys = slots.map { fields.keys[$0] }
        let order = Order(keys: keys, sorted: keys.indices.sorted { keys[$0] < keys[$1] })
        if known.count == Self.limit { known.removeFirst() }
        known.append(order)
        return order.sorted
    }

    /// Appends one value: strings escaped (and redacted when `redact`), times as ISO-8601 UTC, numbers as
    /// `JSONEncoder` writes them, lists element by element.
    static func appendValue(
        _ v: FieldValue, redact: Bool, timestamps: inout UTCTimestampWriter, to bytes: inout [UInt8]
    ) {
        switch v {
        case .string(let s): JSONText.appendString(redact ? Redaction.redact(s) : s, to: &bytes)
        case .int(let i): EventRecordWriter.appendDecimal(Int64(i), to: &bytes)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .time(let t):
            bytes.append(0x22)
            timestamps.append(t, to: &bytes)
            bytes.append(0x22)
        case .double(let d):
            // JSONEncoder's number form (`1e+20`, `-0`), without an encoder per value; a non-finite number is
            // written as its text.
            if d.isFinite {
                bytes.append(contentsOf: EventRecordEncoder.jsonNumber(d).utf8)
            } else {
                JSONText.appendString(String(d), to: &bytes)
            }
        case .list(let items):
            bytes.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                appendValue(item, redact: redact, timestamps: &timestamps, to: &bytes)
            }
            bytes.append(0x5D)
        }
    }
}
