import Foundation
import LicensingModel
import Testing

@Suite("folding repeats of one message")
struct EventFolderTests {
    static func event(_ kind: EventKind, line: Int, at seconds: Double, raw: String = "", path: String = "a.log",
        _ fields: [String: FieldValue] = ["status": "FAILED"]) -> Event
    {
        Event(kind: kind, time: EventTime(instant: Date(timeIntervalSince1970: seconds), raw: raw, utcOffsetSeconds: 3600),
            source: .line(path, line), fields: fields)
    }

    @Test("repeats fold into their first occurrence and unfold into the events read")
    func roundTrip() {
        let read = [
            Self.event(.communicationFailed, line: 1, at: 10), Self.event(.authorizationRenewFailed, line: 2, at: 11),
            Self.event(.communicationFailed, line: 3, at: 20), Self.event(.communicationFailed, line: 4, at: 5),
            Self.event(.communicationFailed, line: 5, at: 30, ["status": "OTHER"]),
            Self.event(.communicationFailed, line: 6, at: 40, path: "b.log"),
        ]
        let folded = EventFolder.fold(read)
        #expect(folded.count == 4)
        #expect(folded[0].occurrenceCount == 3)
        #expect(folded[0].repeats?.lines == [3, 4])
        #expect(folded[0].instantRange == Date(timeIntervalSince1970: 5)...Date(timeIntervalSince1970: 20))
        #expect(folded.occurrenceCount == read.count)
        #expect(folded.unfolded() == read)
        #expect(folded[0].occurrence(2) == read[3])
    }

    @Test("stamp text kept, untimed or not from a line: nothing folds")
    func notFolded() {
        let read = [
            Self.event(.communicationFailed, line: 1, at: 10, raw: "10"), Self.event(.communicationFailed, line: 2, at: 10, raw: "10"),
            Event(kind: .serviceStatus, time: nil, source: .line("a.log", 3)), Event(kind: .serviceStatus, time: nil, source: .line("a.log", 4)),
            Event(kind: .tlsHandshake, time: EventTime(instant: .init(timeIntervalSince1970: 1), raw: ""), source: .frame("c.pcap", 1)),
            Event(kind: .tlsHandshake, time: EventTime(instant: .init(timeIntervalSince1970: 1), raw: ""), source: .frame("c.pcap", 2)),
        ]
        #expect(EventFolder.fold(read) == read)
    }

    @Test("a shift moves every occurrence; a filter keeps the occurrences it accepts")
    func shiftAndKeep() throws {
        let read = (1...4).map { Self.event(.communicationFailed, line: $0, at: Double($0 * 10)) }
        let folded = try #require(EventFolder.fold(read).first)
        var moved = folded
        moved.time?.instant += 100
        moved.repeats?.shift(by: 100)
        #expect(moved.unfolded == read.map { e in var x = e; x.time?.instant += 100; return x })
        let kept = try #require(folded.keepingOccurrences { ($0.time?.instant.timeIntervalSince1970 ?? 0) >= 25 })
        #expect(kept.unfolded == Array(read[2...]))
        #expect(folded.keepingOccurrences { _ in false } == nil)
    }
}
