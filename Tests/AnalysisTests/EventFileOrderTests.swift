import Analysis
import Foundation
import LicensingModel
import Testing
import Timeline

/// The order `events` writes a reading in, and the order a file's folded events unfold to: one file order.
@Suite("file order of a reading's events")
struct EventFileOrderTests {
    static func event(_ line: Int?, at seconds: Double = 0, frame: Int? = nil, _ kind: EventKind = .communicationFailed)
        -> Event
    {
        let source: SourcePointer =
            line.map { .line("out.txt", $0) } ?? frame.map { .frame("out.txt", $0) } ?? SourcePointer(path: "out.txt", location: .file)
        return Event(kind: kind, time: EventTime(instant: Date(timeIntervalSince1970: seconds), raw: ""), source: source)
    }

    static func where_(_ events: [Event]) -> [String] { events.map(\.source.description) }

    @Test("a reading: lines in order over its sources (stable within a line), then events without a line as read")
    func reading() {
        // A folded event (line 1, repeated at 6), a whole-file fact and a frame read before later lines.
        let folded = EventFolder.fold([Self.event(1, at: 1), Self.event(6, at: 6)])
        #expect(folded.count == 1)
        var reading = EvidenceReading(reader: "toy")
        reading.sources = [
            SourceEvents(path: "out.txt", kind: .cli, events: folded + [Self.event(5, .serviceStatus), Self.event(nil, .serviceStatus), Self.event(2, .serviceStatus)]),
            SourceEvents(path: "out.txt", kind: .cli, events: [Self.event(nil, frame: 3, .ntpStatus), Self.event(2, .ntpPeer), Self.event(7, .ntpPeer)]),
        ]
        var written: [Event] = []
        reading.handOutEvents { written.append($0) }
        #expect(Self.where_(written) == [
            "out.txt:1", "out.txt:2", "out.txt:2", "out.txt:5", "out.txt:6", "out.txt:7", "out.txt", "out.txt#3",
        ])
        // Of the two events on line 2, the first source's comes first.
        #expect(written[1].kind == .serviceStatus && written[2].kind == .ntpPeer)
        #expect(reading.sources.isEmpty)
    }

    @Test("a file's folded events unfold to line order, repeats between the events read between them")
    func unfolding() {
        let read = [Self.event(1, at: 1), Self.event(2, at: 2, .serviceStatus), Self.event(3, at: 3), Self.event(4, at: 4, .serviceStatus)]
        let folded = EventFolder.fold(read)
        #expect(folded.count == 2)
        #expect(folded.unfolded() == read)
        var reading = EvidenceReading(reader: "toy")
        reading.sources = [SourceEvents(path: "out.txt", kind: .cli, events: folded)]
        var written: [Event] = []
        reading.handOutEvents { written.append($0) }
        #expect(written == read)
    }
}
