import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing
import Timeline

/// A reader for a made-up format, added through the registry alone: lines `TOY <kind> <ISO-8601 time>`.
struct ToyEvidenceReader: EvidenceReader {
    var name: String { "toy reader" }
    var pass: Int { 0 }

    func recognise(prefix: ArraySlice<UInt8>, name: String) -> ContentKind? {
        prefix.starts(with: Array("TOY ".utf8)) ? ContentKind("toy") : nil
    }

    func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        let text = (try? String(contentsOfFile: entry.localPath, encoding: .utf8)) ?? ""
        var out = EvidenceReading(reader: name)
        var events: [Event] = []
        for (n, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let instant = ISO8601DateFormatter().date(from: String(parts[2])) else {
                out.damage.append(Damage("not a toy line", at: .line(entry.displayPath, n + 1)))
                continue
            }
            events.append(Event(
                kind: EventKind(rawValue: String(parts[1])), time: EventTime(instant: instant, raw: String(parts[2])),
                source: .line(entry.displayPath, n + 1)))
        }
        out.sources = [SourceEvents(path: entry.displayPath, kind: .syslog, events: events)]
        out.present = [.syslog]
        out.lines = events.count
        return out
    }
}

@Suite("evidence readers")
struct EvidenceReaderRegistryTests {
    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir.path
    }

    @Test("a toy reader added through the registry alone reads its files into the timeline and the inventory")
    func toyReader() throws {
        let dir = try folder(["notes.toy": "TOY communication.failed 2018-01-26T09:41:23Z\nTOY communication.failed 2018-01-27T09:41:23Z\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = try AnalysisFixtures.options()
        options.readers.register(ToyEvidenceReader())
        let o = AnalysisRun.run(paths: [dir], options: options, toolVersion: "test")
        #expect(o.events.filter { $0.kind.rawValue == "communication.failed" }.count == 2)
        let inv = try #require(o.report.inventory.first { $0.path.hasSuffix("notes.toy") })
        #expect(inv.reader == "toy reader")
        #expect(inv.parsedAs == "toy")
        #expect(inv.status == .parsed)
        #expect(inv.events == 2)

        // Without the registration, the same file is unrecognised text: skipped, no events.
        let plain = AnalysisRun.run(paths: [dir], options: try AnalysisFixtures.options(), toolVersion: "test")
        #expect(plain.events.isEmpty)
        let skipped = try #require(plain.report.inventory.first { $0.path.hasSuffix("notes.toy") })
        #expect(skipped.status == .skipped)
        #expect(skipped.parsedAs == "text")
    }

    @Test("unrecognised text with catalog events is never counted as show license evidence")
    func textIsNotCLI() throws {
        let dir = try folder(["session.txt": "admin:license smart transport direct\nadmin:exit\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = AnalysisRun.run(paths: [dir], options: try AnalysisFixtures.options(), toolVersion: "test")
        #expect(o.events.contains { $0.kind.rawValue == "transport.configured" })
        #expect(!o.ruleEvidence.present.contains(.cli))
    }
}
