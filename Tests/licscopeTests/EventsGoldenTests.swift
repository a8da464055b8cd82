import Foundation
import Testing

/// Whole `events` runs kept as goldens (stdout and the per-file stderr summaries) under
/// `Fixtures/golden/events/`: every registered reader's events come out — `show license` snapshots, usage rows and
/// timers, `utils ntp status` rows, catalog log events and capture events — recognised by the registry `analyze`
/// uses. `LICSCOPE_UPDATE_GOLDEN=1 swift test --filter EventsGoldenTests` rewrites them; review the diff.
@Suite("events goldens (every reader through the registry)")
struct EventsGoldenTests {
    static let folder = BinaryRunner.packageRoot.appendingPathComponent("Tests/licscopeTests/Fixtures/golden/events")

    /// A sample folder (logs, capture, CLI outputs), a sample holding a zip of CLI outputs, and a zip given
    /// directly that holds a `show license` output, a gzip'd one and a `utils ntp status`, beside a loose gzip'd
    /// `show license summary`.
    static let runs: [(args: [String], name: String, status: Int32)] = [
        (["--format", "jsonl", "samples/healthy-direct-kolkata/bundle"], "healthy-direct-kolkata.jsonl", 0),
        // A damaged capture beside the zip: exit 3 (partly unreadable).
        (["samples/mixed-archives-johannesburg/bundle"], "mixed-archives-johannesburg.txt", 3),
        (["Tests/licscopeTests/Fixtures/events/cli-and-ntp.zip", "Tests/licscopeTests/Fixtures/events/show-license-summary.txt.gz"],
         "cli-and-ntp.txt", 0),
        (["--format", "jsonl", "Tests/licscopeTests/Fixtures/events/cli-and-ntp.zip"], "cli-and-ntp.jsonl", 0),
    ]

    @Test("stdout and stderr", arguments: runs.indices)
    func golden(_ index: Int) throws {
        let run = Self.runs[index]
        let r = try BinaryRunner.run(["events"] + run.args)
        #expect(r.status == run.status, "\(r.stderr)")
        let out = Self.folder.appendingPathComponent(run.name)
        let err = Self.folder.appendingPathComponent(run.name + ".err")
        if ProcessInfo.processInfo.environment["LICSCOPE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(r.stdout.utf8).write(to: out)
            try Data(r.stderr.utf8).write(to: err)
            return
        }
        let hint = "run LICSCOPE_UPDATE_GOLDEN=1 swift test --filter EventsGoldenTests and review the diff"
        #expect(r.stdout == (try String(contentsOf: out, encoding: .utf8)), "\(run.name) differs: \(hint)")
        #expect(r.stderr == (try String(contentsOf: err, encoding: .utf8)), "\(run.name).err differs: \(hint)")
    }

    @Test("what the goldens show: CLI outputs and NTP status read by their readers, with the format said")
    func content() throws {
        let kolkata = try BinaryRunner.run(["events", "samples/healthy-direct-kolkata/bundle"])
        #expect(kolkata.stdout.contains("status.snapshot") && kolkata.stdout.contains("entitlement.usage"))
        #expect(kolkata.stderr.contains("show-license-all.txt: 77 lines, format show license parser, 12 events"))
        #expect(kolkata.stderr.contains("packets.cap: 16 frames, reader pcap block reader, 5 events"))
        #expect(kolkata.stderr.contains("slm.log: 5 lines, format cuslmsvr-trace, 2 events; zone-less lines read in Asia/Kolkata"))
        let zip = try BinaryRunner.run(["events", "Tests/licscopeTests/Fixtures/events/cli-and-ntp.zip"])
        #expect(zip.stdout.contains("ntp.status  ntpd_pid=22458"), "the NTP status row of the zipped transcript")
        #expect(zip.stdout.contains("synchronised=false"))
        #expect(zip.stderr.contains("cli-and-ntp.zip!node/utils-ntp-status.txt: 8 lines, format utils ntp status, 2 events"))
        #expect(zip.stderr.contains("cli-and-ntp.zip!node/show-license-usage.txt.gz: 39 lines, format show license parser, 1 events"))
        // A loose gzip'd `show license` output is expanded first (its reader does not inflate), not read as gzip bytes.
        let gz = try BinaryRunner.run(["events", "Tests/licscopeTests/Fixtures/events/show-license-summary.txt.gz"])
        #expect(gz.stderr.contains("show-license-summary.txt.gz: 24 lines, format show license parser, 8 events"))
        #expect(!gz.stderr.contains("format unknown"))
    }
}
