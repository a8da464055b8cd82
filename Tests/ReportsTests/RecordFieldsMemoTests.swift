import Foundation
import LicensingModel
import Testing
@testable import Reports

/// An event record writer copies the `fields` bytes of a dictionary it wrote lately (``RecordFieldsMemo``): the
/// occurrences of a folded event share their event's dictionary. It knows a dictionary by its storage: a copy
/// matches, an equal dictionary built apart or one changed since does not, and the bytes are a fresh writer's.
@Suite("event records: the fields of a shared dictionary written once")
struct RecordFieldsMemoTests {
    static func fields(_ k: Int) -> [String: FieldValue] {
        ["level": .string("DEBUG"), "tag": .string("regid.\(k)"), "thread": .string("SLM-\(k % 3)"),
         "at": .time(Date(timeIntervalSince1970: 1_500_000_000 + Double(k))), "n": .int(k),
         "token": .string("token=SECRET\(k)")]
    }

    @Test("a dictionary is known by its storage: a copy matches, an equal one built apart or a changed one does not")
    func knownByStorage() {
        var memo = RecordFieldsMemo()
        let remembered = Self.fields(1)
        memo.remember(remembered, redact: true, written: [0x41, 0x42][...])
        let copy = remembered
        var bytes: [UInt8] = []
        #expect(memo.append(copy, redact: true, to: &bytes))
        #expect(bytes == [0x41, 0x42])
        #expect(!memo.append(copy, redact: false, to: &bytes))
        #expect(!memo.append(Self.fields(1), redact: true, to: &bytes))
        var changed = remembered
        changed["n"] = .int(2)
        #expect(!memo.append(changed, redact: true, to: &bytes))
        #expect(bytes == [0x41, 0x42])
    }

    @Test("records of occurrences sharing dictionaries, more than the memo holds, are a fresh writer's bytes")
    func sameBytes() {
        let shared = (0..<(RecordFieldsMemo.capacity + 5)).map(Self.fields)
        var writer = EventRecordWriter()
        var streamed: [UInt8] = []
        var fresh: [UInt8] = []
        for i in 0..<400 {
            // Round robin over more dictionaries than the memo holds, then runs of one.
            let k = i < 200 ? i % shared.count : (i / 7) % shared.count
            let event = Event(
                kind: "entitlement.requested",
                time: EventTime(instant: Date(timeIntervalSince1970: 1_500_000_000 + Double(i)), raw: "r\(i)"),
                source: SourcePointer(path: "a.log", location: .line(i + 1)), fields: shared[k], excerpt: "line \(i)")
            for redact in [true, false] {
                #expect(writer.append(event, redact: redact, to: &streamed))
                var alone = EventRecordWriter()
                alone.append(event, redact: redact, to: &fresh)
            }
        }
        #expect(streamed == fresh)
        #expect(streamed.count > 400 * 2 * 300)
    }
}
