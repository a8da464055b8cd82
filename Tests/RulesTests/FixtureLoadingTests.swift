import Foundation
import LicensingModel
import Testing
@testable import Rules

@Suite struct FixtureLoadingTests {
    @Test func compactEventsDecode() throws {
        let text = """
            # a comment
            {"kind": "tcp.attempt", "time": "2021-06-01T10:00:01.250+02:00", "source": "a:b.cap#5", "fields": {"dst_port": 443, "outcome": "refused"}}

            {"kind": "service.status", "source": "utils-service-list.txt:7", "fields": {"service": "Cisco Tomcat", "status": "STARTED"}}
            """
        let events = try FixtureEventDecoder.events(jsonl: text, file: "events.jsonl")
        #expect(events.count == 2)
        #expect(events[0].source == .frame("a:b.cap", 5))
        #expect(events[0].time?.instant == Date(timeIntervalSince1970: 1_622_534_401.25))
        #expect(events[0].fields["dst_port"] == .int(443))
        #expect(events[1].time == nil)
        #expect(events[1].source == .line("utils-service-list.txt", 7))
    }

    @Test func fullEventEncodingDecodes() throws {
        let event = Event(
            kind: .communicationFailed, time: EventTime(instant: Date(timeIntervalSince1970: 1_517_000_000), raw: "Jan 26"),
            source: .line("slm.log", 12), fields: ["reason": "Communication message send error"], excerpt: "x")
        for strategy in [JSONEncoder.DateEncodingStrategy.deferredToDate, .iso8601] {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = strategy
            let line = String(decoding: try encoder.encode(event), as: UTF8.self)
            #expect(try FixtureEventDecoder.events(jsonl: line, file: "e") == [event])
        }
    }

    @Test func aBadLineIsNamed() {
        do {
            _ = try FixtureEventDecoder.events(jsonl: "{\"kind\": \"x\", \"source\": \"f:1\"}\n{oops", file: "events.jsonl")
            Issue.record("should fail")
        } catch let error as FixtureEventDecoder.DecodeError {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("events.jsonl:2: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func sourcePointersAndTimes() {
        #expect(FixtureEventDecoder.sourcePointer("bundle.zip!slm.log:40") == .line("bundle.zip!slm.log", 40))
        #expect(FixtureEventDecoder.sourcePointer("file.bin@512") == SourcePointer(path: "file.bin", location: .offset(512)))
        #expect(FixtureEventDecoder.sourcePointer("notes.txt") == SourcePointer(path: "notes.txt", location: .file))
        #expect(FixtureEventDecoder.iso8601("2018-01-26T09:41:23Z") == Date(timeIntervalSince1970: 1_516_959_683))
        #expect(FixtureEventDecoder.iso8601("2018-02-30T09:41:23Z") == nil)
        #expect(FixtureEventDecoder.iso8601("2018-01-26T09:41:23") == nil)
        #expect(FixtureEventDecoder.iso8601("") == nil)
    }

    @Test func fixtureSettingsApply() throws {
        let dir = try TemporaryDirectory()
        try dir.write("events.jsonl", "{\"kind\": \"dns.failure\", \"time\": \"2021-06-01T10:00:01Z\", \"source\": \"p.cap#4\"}\n")
        try dir.write("fixture.yaml", """
            present: [syslog]
            evidence_end: 2021-06-02T00:00:00Z
            intervals:
              - {dimension: transport, value: proxy, start: 2021-06-01T00:00:00Z, end: null, evidence: ["cli.txt:3"]}
            """)
        let evidence = try RuleFixtures.eventsLoader(dir.url)
        #expect(evidence.present == [.syslog])
        #expect(evidence.events.map(\.kind) == [.dnsFailure])
        #expect(evidence.evidenceEnd == FixtureEventDecoder.iso8601("2021-06-02T00:00:00Z"))
        #expect(evidence.intervals.first?.value == "proxy")
        #expect(evidence.intervals.first?.evidence == [.line("cli.txt", 3)])
    }

    @Test func badFixtureSettingsArePositioned() throws {
        let dir = try TemporaryDirectory()
        try dir.write("fixture.yaml", "present: [cli]\nintervals:\n  - {dimension: transport, value: carrier-pigeon}\n")
        #expect(throws: RuleLoadError.self) { try RuleFixtures.eventsLoader(dir.url) }
        do { _ = try RuleFixtures.eventsLoader(dir.url) } catch let error as RuleLoadError {
            #expect(error.line == 3 && error.column == 35)
        }
    }

    @Test func presenceIsInferredFromSources() {
        let events = [
            Event(kind: .dnsFailure, time: nil, source: .frame("p.cap", 1)),
            Event(kind: .serviceStatus, time: nil, source: .line("utils-service-list.txt", 2)),
            Event(kind: .statusSnapshot, time: nil, source: .line("show-license-all.txt", 1)),
            Event(kind: .exceptionRaised, time: nil, source: .line("slm.log", 9)),
            Event(kind: .engineAnomaly, time: nil, source: .line("syslog.txt", 9)),
        ]
        #expect(RuleFixtures.inferredPresence(events) == [.capture, .serviceList, .cli, .licenseManagerLog])
    }
}

/// A scratch directory removed when the value goes away.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
