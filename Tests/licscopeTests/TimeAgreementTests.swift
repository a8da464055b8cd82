import Foundation
import Testing

/// `analyze`, `events` and `status` read the same lines to the same instants, zone-less trace lines included (the
/// zone comes from the same bundle evidence in every command).
@Suite("analyze, events and status agree on every instant")
struct TimeAgreementTests {
    static let folder = "Tests/AnalysisTests/Fixtures/Zones/zurich-october"

    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test("same instant for each trace line in analyze's timeline and in events; printed timers in status and analyze")
    func agree() throws {
        let analyze = try BinaryRunner.run(["analyze", Self.folder, "--rules", "rules", "--format", "jsonl"])
        let events = try BinaryRunner.run(["events", Self.folder + "/slm.log", Self.folder + "/show-timezone-config.txt", "--format", "jsonl"])
        #expect(events.status == 0, "\(events.stderr)")
        #expect(events.stderr.contains("Europe/Zurich"))
        var fromAnalyze: [String: Int64] = [:]
        for line in Self.jsonLines(analyze.stdout) {
            guard let source = line["source"] as? [String: Any], let path = source["path"] as? String,
                path.hasSuffix("slm.log"), let n = source["line"] as? Int, let ts = line["timestamp"] as? Int64
            else { continue }
            fromAnalyze["slm.log:\(n)"] = ts
        }
        var compared = 0
        for line in Self.jsonLines(events.stdout) {
            guard let source = line["source"] as? [String: Any], let path = source["path"] as? String,
                let n = source["line"] as? Int, let time = line["datetime"] as? String
            else { continue }
            let key = "\(path.split(separator: "/").last!):\(n)"
            let instant = try #require(ISO8601DateFormatter().date(from: time))
            let a = try #require(fromAnalyze[key], "\(key) missing from analyze")
            #expect(Int64(instant.timeIntervalSince1970) == a / (a > 10_000_000_000_000 ? 1_000_000 : 1), "\(key)")
            compared += 1
        }
        #expect(compared >= 5)
        // The repeated hour: slm.log:5 (02:20 after 02:40) is the second occurrence, in both.
        #expect(events.stdout.contains("2026-10-25T01:20:00Z"))
        let status = try BinaryRunner.run(["status", Self.folder + "/show-license-all.txt", "--format", "json"])
        #expect(status.stdout.contains("2026-10-25T09:00:00Z"))
        #expect(status.stdout.contains("2027-01-23T09:00:00Z"))  // Communication Deadline, CET
        let report = try BinaryRunner.run(["analyze", Self.folder, "--rules", "rules", "--format", "json"])
        #expect(report.stdout.contains("2027-01-23T09:00:00Z"))
    }

    /// A yearless syslog across New Year beside a `show license` output whose latest activity is in January 2031
    /// (the trace's file date says nothing of it): both commands take the year from the output, and `events` does
    /// so even when the trace is named before the output.
    static let yearless = "Tests/AnalysisTests/Fixtures/Zones/yearless-new-year"

    @Test("yearless lines get the years a show license output prints, in events as in analyze, across New Year")
    func yearlessFromShowLicense() throws {
        let analyze = try BinaryRunner.run(["analyze", Self.yearless, "--rules", "rules", "--format", "jsonl"])
        let events = try BinaryRunner.run([
            "events", Self.yearless + "/CiscoSyslog", Self.yearless + "/show-license-status.txt", "--format", "jsonl",
        ])
        #expect(events.status == 0, "\(events.stderr)")
        var fromAnalyze: [Int: Int64] = [:]
        for line in Self.jsonLines(analyze.stdout) {
            guard let source = line["source"] as? [String: Any], let path = source["path"] as? String,
                path.hasSuffix("CiscoSyslog"), let n = source["line"] as? Int, let ts = line["timestamp"] as? Int64
            else { continue }
            fromAnalyze[n] = ts > 10_000_000_000_000 ? ts / 1_000_000 : ts
        }
        var fromEvents: [Int: Int64] = [:]
        for line in Self.jsonLines(events.stdout) {
            guard let source = line["source"] as? [String: Any], let path = source["path"] as? String,
                path.hasSuffix("CiscoSyslog"), let n = source["line"] as? Int, let time = line["datetime"] as? String
            else { continue }
            fromEvents[n] = Int64(try #require(ISO8601DateFormatter().date(from: time)).timeIntervalSince1970)
        }
        // 2030-12-30 09:41:23, 2030-12-31 21:41:23 and 2031-01-12 10:36:10 UTC (the output prints UTC).
        let expected: [Int: Int64] = [1: 1_924_854_083, 2: 1_924_983_683, 3: 1_925_980_570]
        #expect(fromAnalyze == expected)
        #expect(fromEvents == expected)
        #expect(events.stderr.contains("CiscoSyslog: 3 lines"), "\(events.stderr)")
    }
}
