import Foundation
import LicensingModel

/// Writes the `fields` member of event records, and the `key=value` tail of a message built from them, with keys
/// in sorted order. The keys are sorted per record in a buffer on the stack: a dictionary's iteration order differs
/// from instance to instance, so an order remembered from one record rarely fits the next.
enum RecordFields {
    /// Appends `"key":value,…` for every field, keys sorted; string values redacted when `redact` is true.
    static func appendFields(
        _ fields: [String: FieldValue], redact: Bool, timestamps: inout UTCTimestampWriter, to bytes: inout [UInt8]
    ) {
        withSorted(fields) { sorted in
            for (j, item) in sorted.enumerated() {
                if j > 0 { bytes.append(0x2C) }
                JSONText.appendString(item.key, to: &bytes)
                bytes.append(0x3A)
                appendValue(fields.values[item.index], redact: redact, timestamps: &timestamps, to: &bytes)
            }
        }
    }

    /// Appends ` key=value` (the value as ``FieldValue/text``, raw UTF-8, not escaped) for every field, keys sorted:
    /// the tail of a message built from the fields (``TimelineJSONLRenderer/message(_:)``).
    static func appendMessageText(_ fields: [String: FieldValue], to bytes: inout [UInt8]) {
        withSorted(fields) { sorted in
            for item in sorted {
                bytes.append(0x20)
                var key = item.key
                key.withUTF8 { bytes.append(contentsOf: $0) }
                bytes.append(0x3D)
                appendText(fields.values[item.index], to: &bytes)
            }
        }
    }

    /// Calls `body` with the keys of `fields` and their indices, in sorted key order (`String`'s `<`, as
    /// `sorted { $0.key < $1.key }` orders them).
    private static func withSorted(
        _ fields: [String: FieldValue], _ body: (UnsafeMutableBufferPointer<(key: String, index: [String: FieldValue].Index)>) -> Void
    ) {
        let n = fields.count
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: (key: String, index: [String: FieldValue].Index).self, capacity: n) { items in
            var k = 0
            var i = fields.startIndex
            while i != fields.endIndex {
                items.initializeElement(at: k, to: (fields.keys[i], i))
                k += 1
                fields.formIndex(after: &i)
            }
            // Keys are unique, so any sort gives the one order; a few dozen are sorted in place.
            var sorted = items
            sorted.sort { $0.key < $1.key }
            body(items)
            _ = items.deinitialize()
        }
    }

    /// Appends `v` as ``FieldValue/text`` writes it, as raw UTF-8 (lists joined by `,`).
    static func appendText(_ v: FieldValue, to bytes: inout [UInt8]) {
        switch v {
        case .string(var s): s.withUTF8 { bytes.append(contentsOf: $0) }
        case .int(let i): EventRecordWriter.appendDecimal(Int64(i), to: &bytes)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .double, .time: bytes.append(contentsOf: v.text.utf8)
        case .list(let items):
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                appendText(item, to: &bytes)
            }
        }
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
