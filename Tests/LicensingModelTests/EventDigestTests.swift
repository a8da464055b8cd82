import Foundation
import Testing

@testable import LicensingModel

@Suite("event digests agree with ==")
struct EventDigestTests {
    @Test("equal field dictionaries digest alike whatever their order; different ones differ")
    func fields() {
        var a: [String: FieldValue] = [:]
        for k in 0..<40 { a["key\(k)"] = .string("value \(k)") }
        var b: [String: FieldValue] = [:]
        for k in (0..<40).reversed() { b["key\(k)"] = .string("value \(k)") }
        #expect(a == b)
        #expect(EventDigest.fields(a) == EventDigest.fields(b))
        b["key3"] = .string("value 4")
        #expect(EventDigest.fields(a) != EventDigest.fields(b))
        // Swapped values between keys must not cancel out.
        let c: [String: FieldValue] = ["x": "1", "y": "2"], d: [String: FieldValue] = ["x": "2", "y": "1"]
        #expect(EventDigest.fields(c) != EventDigest.fields(d))
    }

    @Test("canonically equivalent strings and -0 digest alike, as == says they are equal")
    func equivalents() {
        let kelvin = "\u{212A}elvin", plain = "Kelvin"
        #expect(kelvin == plain)
        #expect(EventDigest.string(kelvin) == EventDigest.string(plain))
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(EventDigest.string(composed) == EventDigest.string(decomposed))
        #expect(EventDigest.value(.double(-0.0)) == EventDigest.value(.double(0)))
        #expect(EventDigest.value(.int(1)) != EventDigest.value(.string("1")))
        #expect(EventDigest.string("abcdefgh") != EventDigest.string("abcdefgh\0"))
    }

    @Test("repeats fold by digest: canonically equal fields fold, a different zone label does not")
    func folding() {
        func event(_ line: Int, _ text: String, zone: String = "UTC") -> Event {
            Event(kind: .communicationFailed,
                time: EventTime(instant: Date(timeIntervalSince1970: Double(line)), raw: "", zoneLabel: zone),
                source: .line("a.log", line), fields: ["unit": .string(text)])
        }
        let folded = EventFolder.fold([event(1, "\u{212A}"), event(2, "K"), event(3, "K", zone: "CET")])
        #expect(folded.count == 2)
        #expect(folded[0].occurrenceCount == 2)
    }
}
