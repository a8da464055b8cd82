import Foundation
import LicensingModel
import Testing
@testable import Reports

@Suite("JSON Lines timeline")
struct TimelineJSONLTests {
    static func objects() throws -> [[String: Any]] {
        let text = TimelineJSONLRenderer.render(events: SampleReport.events(), report: SampleReport.make())
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("every line is a JSON object with Timesketch's three keys and an ISO-8601 UTC datetime")
    func timesketchKeys() throws {
        let lines = try Self.objects()
        #expect(lines.count == 9)  // 7 timed events + 2 findings; the untimed service status is left out
        for line in lines {
            let message = try #require(line["message"] as? String)
            #expect(!message.isEmpty)
            let datetime = try #require(line["datetime"] as? String)
            #expect(datetime.count == 20 && datetime.hasSuffix("Z") && datetime.dropFirst(10).hasPrefix("T"))
            #expect(line["timestamp_desc"] is String)
            #expect(line["timestamp"] is Int)
            #expect(line["kind"] is String && (line["source"] as? [String: Any])?["path"] is String)
            #expect(line["schema"] as? String == "licscope.event/1")
            #expect(line["fields"] is [String: Any] && line["assumptions"] is [Any])
        }
    }

    @Test("lines are time-ordered; descriptions say what kind of time it is")
    func ordering() throws {
        let lines = try Self.objects()
        let stamps = lines.compactMap { $0["timestamp"] as? Int }
        #expect(stamps == stamps.sorted())
        let descs = Dictionary(lines.map { (($0["kind"] as? String) ?? "", ($0["timestamp_desc"] as? String) ?? "") },
            uniquingKeysWith: { a, _ in a })
        #expect(descs["connectivity.attempt"] == "Capture Time")
        #expect(descs["state.transition"] == "Engine Transition")
        #expect(descs["engine.anomaly"] == "Engine Anomaly")
        #expect(descs["registration.succeeded"] == "Event Time")
        #expect(descs["finding"] == "Finding")
        #expect(!lines.contains { ($0["kind"] as? String) == "service.status" })
    }

    @Test("findings sit at their first evidence with id, rev and severity")
    func findings() throws {
        let lines = try Self.objects().filter { ($0["kind"] as? String) == "finding" }
        #expect(lines.count == 2)
        let proxy = try #require(lines.first { (($0["fields"] as? [String: Any])?["id"] as? String) == "CSCvc94366" })
        #expect(proxy["datetime"] as? String == "2018-02-20T06:30:00Z")
        #expect((proxy["fields"] as? [String: Any])?["severity"] as? String == "high")
        #expect((proxy["fields"] as? [String: Any])?["rev"] as? Int == 1)
    }

    @Test("registration tokens never reach the timeline, even when an event carries one")
    func redaction() {
        let text = TimelineJSONLRenderer.render(events: SampleReport.events(), report: SampleReport.make())
        #expect(!text.contains("NmE4YzQ3ZDktZjAx"))
        #expect(text.contains("idtoken <redacted>"))
    }

    @Test("nothing timed, nothing written")
    func empty() {
        var r = SampleReport.make()
        r.findings = []
        let untimed = SampleReport.events().filter { $0.time == nil }
        #expect(TimelineJSONLRenderer.render(events: untimed, report: r).isEmpty)
    }
}
