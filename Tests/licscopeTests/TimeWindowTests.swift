import Foundation
import Testing

/// `--since` / `--until` on analyze, status, events and packets: ISO 8601 dates or instants, zone-less values read in the
/// `--tz` zone or UTC (and the output says which); invalid values are usage errors.
@Suite("--since / --until")
struct TimeWindowTests {
    static let bundle = "samples/proxy-407-london/bundle"
    /// 30 events: five at 07:21:30Z on each of Dec 3–6 2026, then ten on Dec 7 at 05:10:30Z and 05:10:33Z.
    static let log = "\(bundle)/cm/trace/slm/log4j/slm.log"
    /// Two ladders: frame 2 at 05:10:30Z and frame 15 at 05:10:33Z on Dec 7 2026.
    static let capture = "\(bundle)/packets.cap"

    static func eventLines(_ arguments: [String]) throws -> (Int, String) {
        let r = try BinaryRunner.run(["events", "--format", "jsonl"] + arguments + [log])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return (r.stdout.split(separator: "\n").count, r.stderr)
    }

    @Test("events: a zone-less value is read in UTC, or in the --tz zone, and the output says which")
    func eventsZones() throws {
        let (utc, utcNote) = try Self.eventLines(["--since", "2026-12-05T16:21"])
        #expect(utc == 15)
        #expect(utcNote.contains("zone-less --since/--until values read in UTC"))
        #expect(try Self.eventLines(["--since", "2026-12-05T16:21+09:00"]).0 == 20, "16:21+09:00 is 07:21Z, before the Dec 5 lines")
        // A capture's times are UTC whatever --tz says, so only the --since value moves with --tz.
        let tokyo = try BinaryRunner.run(["packets", "--since", "2026-12-07T14:10:31", "--tz", "Asia/Tokyo", Self.capture])
        #expect(tokyo.stdout.contains("-- ladders (1)"), "14:10:31 in Tokyo is 05:10:31Z")
        #expect(tokyo.stderr.contains("read in Asia/Tokyo (--tz)"))
        let inUTC = try BinaryRunner.run(["packets", "--since", "2026-12-07T14:10:31", Self.capture])
        #expect(inUTC.stdout.contains("-- ladders (0)"))
        #expect(inUTC.stderr.contains("read in UTC"))
        #expect(try Self.eventLines(["--since", "2026-12-05T07:21:30Z", "--until", "2026-12-05T07:21:31Z"]).0 == 5)
    }

    @Test("events: a date given to --until keeps its whole day")
    func untilDate() throws {
        #expect(try Self.eventLines(["--until", "2026-12-04"]).0 == 10)
        #expect(try Self.eventLines(["--since", "2026-12-07"]).0 == 10)
    }

    @Test("packets: ladders, flows and events outside the window are left out")
    func packetsWindow() throws {
        let r = try BinaryRunner.run(["packets", "--since", "2026-12-07T05:10:31Z", Self.capture])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("-- ladders (1)"))
        #expect(r.stdout.contains("packets.cap#15"))
        #expect(!r.stdout.contains("packets.cap#2 "))
        #expect(r.stderr.contains("outside --since/--until"))
        let all = try BinaryRunner.run(["packets", "--format", "jsonl", Self.capture])
        let kept = try BinaryRunner.run(["packets", "--format", "jsonl", "--until", "2026-12-07T05:10:31Z", Self.capture])
        let lines = kept.stdout.split(separator: "\n")
        #expect(lines.count > 0 && lines.count < all.stdout.split(separator: "\n").count)
        #expect(lines.allSatisfy { $0.contains("\"datetime\":\"2026-12-07T05:10:30Z\"") })
    }

    @Test("analyze: only evidence inside the window is analyzed, and every format states the window")
    func analyzeWindow() throws {
        let arguments = ["analyze", "--since", "2026-12-05", Self.bundle]
        let json = try BinaryRunner.run(arguments + ["--format", "json"])
        struct Report: Decodable {
            struct Window: Decodable {
                var since: String?
                var until: String?
                var zone_of_zoneless_values: String
                var events_left_out: Int
            }
            var window: Window?
            var assumptions: [String]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        let window = try #require(report.window)
        #expect(window.since == "2026-12-05T00:00:00Z")
        #expect(window.until == nil)
        #expect(window.zone_of_zoneless_values == "UTC")
        #expect(window.events_left_out >= 10)
        #expect(report.assumptions.first?.hasPrefix("only evidence from 2026-12-05T00:00:00Z") == true)
        for format in ["text", "markdown", "html"] {
            let r = try BinaryRunner.run(arguments + ["--format", format])
            #expect(r.stdout.contains("only evidence from 2026-12-05T00:00:00Z"), "\(format)")
        }
        #expect(try BinaryRunner.run(arguments + ["--summary"]).stdout.contains("window: only evidence from"))
        let plain = try JSONDecoder().decode(Report.self, from: Data(try BinaryRunner.run(["analyze", "--format", "json", Self.bundle]).stdout.utf8))
        #expect(plain.window == nil)
    }

    /// `status --format json` of the London bundle's four outputs: all and status observed at 2026-12-07T05:10:33Z,
    /// summary at 2026-10-28T05:10:30Z, usage at 2026-11-18T23:10:31Z.
    static func statusRun(_ arguments: [String]) throws -> (status: Int32, sources: [String], window: [String: Any]?, stderr: String) {
        let r = try BinaryRunner.run(["status", "--format", "json"] + arguments + [bundle])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sources = (doc["snapshots"] as? [[String: Any]] ?? []).compactMap { ($0["source"] as? String)?.split(separator: "/").last.map(String.init) }
        return (r.status, sources, doc["window"] as? [String: Any], r.stderr)
    }

    @Test("status: only outputs observed inside the window are checked; zone-less values in UTC or --tz, stated in the output")
    func statusWindow() throws {
        let since = try Self.statusRun(["--since", "2026-12-07"])
        #expect(since.status == 0, "stderr: \(since.stderr)")
        #expect(since.sources == ["show-license-all.txt:1", "show-license-status.txt:1"])
        #expect(since.window?["since"] as? String == "2026-12-07T00:00:00Z")
        #expect(since.window?["outputsLeftOut"] as? Int == 2)
        #expect(since.window?["zoneOfZonelessValues"] as? String == "UTC")
        // 08:10:31 in Tokyo is 23:10:31Z the day before: the usage output observed then is excluded (--until is).
        let tokyo = try Self.statusRun(["--until", "2026-11-19T08:10:31", "--tz", "Asia/Tokyo"])
        #expect(tokyo.sources == ["show-license-summary.txt:1"])
        #expect(tokyo.window?["zoneOfZonelessValues"] as? String == "Asia/Tokyo (--tz)")
        #expect(try Self.statusRun(["--until", "2026-11-19T08:10:31"]).sources == ["show-license-summary.txt:1", "show-license-usage.txt:1"])
        let text = try BinaryRunner.run(["status", "--until", "2026-11-19T08:10:31", "--tz", "Asia/Tokyo", Self.bundle])
        #expect(text.stdout.hasPrefix("window: only outputs observed from the first output until 2026-11-18T23:10:31Z (excluded; zone-less --since/--until values read in Asia/Tokyo (--tz)) were checked; 3 output(s)"), "\(text.stdout.prefix(300))")
        #expect(text.stderr.contains("3 output(s) outside it"))
        // Nothing inside: no evidence (exit 5), as events says for an empty window.
        let none = try Self.statusRun(["--since", "2027-01-01"])
        #expect(none.status == 5 && none.sources.isEmpty && none.window?["outputsLeftOut"] as? Int == 4)
        #expect(try Self.statusRun([]).window == nil)
    }

    @Test("invalid values and empty windows: exit 2, one line", arguments: [
        ["--since", "2026-13-01"], ["--since", "yesterday"], ["--until", "2026-07-05T25:00"], ["--until", "2026-02-30"],
        ["--since", "2026-07-05T10:00+15:00"], ["--since", "2026-07-06", "--until", "2026-07-05T12:00"],
    ])
    func invalid(_ option: [String]) throws {
        for command in ["analyze", "status", "events", "packets"] {
            let r = try BinaryRunner.run([command] + option + [Self.capture])
            #expect(r.status == 2, "\(command) \(option)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(command) \(option): \(r.stderr)")
            #expect(r.stderr.hasPrefix("licscope: error: "))
        }
    }
}
