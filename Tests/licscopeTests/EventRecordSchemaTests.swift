import Foundation
import Testing

/// `events`, `packets` and `analyze --format jsonl` write one record shape, `licscope.event/1`; every line of each
/// is checked by the same schema checker, which includes Timesketch's required fields.
@Suite("one event record schema for events, packets and analyze JSON Lines")
struct EventRecordSchemaTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path
    static let capture = BinaryRunner.packageRoot.appendingPathComponent(
        "Tests/PacketIngestTests/Fixtures/https-connect.pcap").path

    /// The schema problems of one line, empty when it conforms to `licscope.event/1` (docs/report-schema.md).
    static func problems(_ line: Substring) -> [String] {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return ["not a JSON object"]
        }
        var p: [String] = []
        let allowed: Set = ["schema", "message", "datetime", "timestamp", "timestamp_desc", "kind", "source", "fields",
                            "assumptions", "time_raw", "excerpt"]
        p += Set(o.keys).subtracting(allowed).map { "unknown key \($0)" }
        if o["schema"] as? String != "licscope.event/1" { p.append("schema") }
        for key in ["message", "timestamp_desc", "kind"] where ((o[key] as? String) ?? "").isEmpty { p.append(key) }
        let datetime = o["datetime"] as? String ?? ""
        guard let instant = ISO8601DateFormatter().date(from: datetime), datetime.hasSuffix("Z") else {
            return p + ["datetime \(datetime)"]
        }
        if let ts = o["timestamp"] as? Int64 {
            if ts / 1_000_000 != Int64(instant.timeIntervalSince1970) { p.append("timestamp \(ts) != datetime") }
        } else { p.append("timestamp") }
        if let source = o["source"] as? [String: Any] {
            if ((source["path"] as? String) ?? "").isEmpty { p.append("source.path") }
            let positions = ["line", "frame", "offset"].filter { source[$0] != nil }
            if positions.count > 1 || positions.contains(where: { !(source[$0] is Int) }) { p.append("source position") }
            if source.count > 1 + positions.count { p.append("source keys") }
        } else { p.append("source") }
        if !(o["fields"] is [String: Any]) { p.append("fields") }
        if !(o["assumptions"] is [String]) { p.append("assumptions") }
        for key in ["time_raw", "excerpt"] where o[key] != nil && !(o[key] is String) { p.append(key) }
        return p
    }

    static func check(_ output: String, _ what: String) -> Set<String> {
        let lines = output.split(separator: "\n")
        #expect(lines.count > 3, "\(what) wrote \(lines.count) lines")
        var kinds: Set<String> = []
        for (i, line) in lines.enumerated() {
            let p = problems(line)
            #expect(p.isEmpty, "\(what) line \(i + 1): \(p) — \(line.prefix(200))")
            if let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let k = o["kind"] as? String {
                kinds.insert(k)
            }
        }
        return kinds
    }

    @Test("every line of analyze, events and packets JSON Lines passes the one checker")
    func allThree() throws {
        let analyze = try BinaryRunner.run(["analyze", "--format", "jsonl", Self.sample])
        let kinds = Self.check(analyze.stdout, "analyze")
        #expect(kinds.contains("finding") && kinds.contains("state.transition"))
        let events = try BinaryRunner.run(["events", "--format", "jsonl", Self.sample + "/cm/trace/slm/log4j/slm.log"])
        #expect(events.status == 0, "\(events.stderr)")
        _ = Self.check(events.stdout, "events")
        #expect(events.stdout.contains(#""line":"#))
        let packets = try BinaryRunner.run(["packets", "--format", "jsonl", Self.capture, Self.sample + "/packets.cap"])
        let captureKinds = Self.check(packets.stdout, "packets")
        #expect(captureKinds.contains("capture.ladder") && captureKinds.contains("capture.flow"))
        #expect(packets.stdout.contains(#""frame":"#))
    }

    @Test("the checker rejects lines that break the schema")
    func checkerRejects() {
        let good = #"{"schema":"licscope.event/1","message":"m","datetime":"2018-01-26T09:41:23Z","timestamp":1516959683000000,"timestamp_desc":"Event Time","kind":"k","source":{"path":"a.log","line":3},"fields":{},"assumptions":[]}"#
        #expect(Self.problems(Substring(good)).isEmpty)
        #expect(!Self.problems(Substring(good.replacingOccurrences(of: #""message":"m","#, with: ""))).isEmpty)
        #expect(!Self.problems(Substring(good.replacingOccurrences(of: "licscope.event/1", with: "x"))).isEmpty)
        #expect(!Self.problems(Substring(good.replacingOccurrences(of: #""line":3"#, with: #""line":"3""#))).isEmpty)
        #expect(!Self.problems(Substring(good.replacingOccurrences(of: "09:41:23Z", with: "09:41:23"))).isEmpty)
        #expect(!Self.problems(Substring(good.replacingOccurrences(of: "1516959683", with: "1516959684"))).isEmpty)
    }
}

/// Each command's `--format` lists, and accepts, only the formats it writes.
@Suite("typed --format per command")
struct FormatOptionTests {
    @Test("status --help lists text and json only; status refuses jsonl as a usage error")
    func statusFormats() throws {
        let help = try BinaryRunner.run(["status", "--help"]).stdout
        #expect(help.contains("(values: text, json;"), "\(help)")
        #expect(!help.contains("markdown") && !help.contains("html") && !help.contains("jsonl"))
        let r = try BinaryRunner.run(["status", "--format", "html", "x.txt"])
        #expect(r.status == 64 || r.status == 2, "usage error, got \(r.status)")
    }

    @Test("packets --help lists text and jsonl; an unknown format is refused before any file is read")
    func packetsFormats() throws {
        let help = try BinaryRunner.run(["packets", "--help"]).stdout
        #expect(help.contains("text") && help.contains("jsonl") && !help.contains("markdown"))
        let r = try BinaryRunner.run(["packets", "--format", "markdown", "missing.pcap"])
        #expect(r.status != 0 && !r.stderr.contains("missing.pcap"))
    }
}

/// `--color auto|always|never` on analyze and status.
@Suite("--color")
struct ColorOptionTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path

    @Test("always colors a pipe, never and auto (not a terminal) do not; a bad value is a usage error")
    func modes() throws {
        let always = try BinaryRunner.run(["analyze", "--color", "always", Self.sample]).stdout
        #expect(always.contains("\u{1B}["))
        #expect(!(try BinaryRunner.run(["analyze", "--color", "never", Self.sample]).stdout.contains("\u{1B}[")))
        #expect(!(try BinaryRunner.run(["analyze", Self.sample]).stdout.contains("\u{1B}[")))
        #expect(try BinaryRunner.run(["analyze", "--color", "sometimes", Self.sample]).status == 2)
        #expect(try BinaryRunner.run(["status", "--help"]).stdout.contains("auto, always, never"))
    }
}
