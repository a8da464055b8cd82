import Foundation
import LicensingModel
import Testing
@testable import Reports

@Suite("streamed reports: JSON Lines and HTML reach the output in bounded blocks while the timeline is walked")
struct ReportStreamTests {
    /// Keeps each block handed over, to check their sizes and that they arrive one by one.
    struct RecordingSink: ReportSink {
        var blocks: [[UInt8]] = []
        mutating func receive(_ bytes: [UInt8]) { blocks.append(bytes) }
        var text: String { String(decoding: blocks.joined(), as: UTF8.self) }
    }

    /// The sample timeline with a busy periodic message folded in: `count` occurrences in one event, interleaved in
    /// time with the sample's own events.
    static func foldedTimeline(count: Int) -> [Event] {
        var events = SampleReport.events()
        let first = SampleReport.utc(1, 26, 15, 11, 0)
        var busy = Event(
            kind: .authorizationRequested, time: SampleReport.time(first), source: .line(SampleReport.slm, 200),
            fields: ["thread": "SLM-11"], excerpt: "2018-01-26 15:11:00,000 DEBUG [SLM-11] requestAuthorization")
        var repeats = EventRepeats()
        for k in 1..<count { repeats.append(instant: first + Double(k) * 3_600, line: 200 + 3 * k) }
        busy.repeats = repeats
        events.append(busy)
        events.sort { a, b in
            let (x, y) = (a.instantRange?.lowerBound, b.instantRange?.lowerBound)
            if x != y { return x.map { t in y.map { t < $0 } ?? true } ?? false }
            return Event.timelineOrder(a, b)
        }
        return events
    }

    static let block = 4_096

    @Test("JSON Lines: many blocks, none much over the block size, together the document unfolding gives")
    func jsonlBlocks() {
        let events = Self.foldedTimeline(count: 2_000)
        let report = SampleReport.make()
        var out = ReportStream(sink: RecordingSink(), blockSize: Self.block)
        TimelineJSONLRenderer.write(TimelineOccurrences(events), report: report, to: &out)
        let beforeFinish = out.sink.blocks.count
        out.finish()
        let blocks = out.sink.blocks
        // 2,000 records of about 400 bytes: the document is handed over as it is written, not at the end.
        #expect(beforeFinish >= 100, "\(beforeFinish) blocks before the end")
        #expect(blocks.dropLast().allSatisfy { $0.count >= Self.block && $0.count < Self.block + 2_048 })
        #expect(blocks.last.map { $0.count < Self.block + 2_048 } ?? false)
        #expect(out.sink.text == TimelineJSONLRenderer.render(events: events.unfoldedInTimelineOrder(), report: report))
        #expect(out.sink.text.split(separator: "\n").count == events.filter { $0.time != nil }.occurrenceCount + 2)
    }

    @Test("HTML: written a section at a time; the ticks count every folded occurrence")
    func htmlBlocks() {
        let events = Self.foldedTimeline(count: 2_000)
        let report = SampleReport.make()
        var out = ReportStream(sink: RecordingSink(), blockSize: 1_024)
        AnalysisHTMLRenderer.write(report, timeline: TimelineOccurrences(events), to: &out)
        let beforeFinish = out.sink.blocks.count
        out.finish()
        #expect(beforeFinish >= 5, "\(beforeFinish) blocks before the end")
        let html = out.sink.text
        #expect(html == AnalysisHTMLRenderer.render(report, events: events.unfoldedInTimelineOrder()))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        // The busy message's repeats are ticks of their own.
        #expect(html != AnalysisHTMLRenderer.render(report, events: SampleReport.events()))
    }
}
