import Foundation
import Testing

/// Every hostile input through every command, as whole processes: no trap, no hang, the documented exit codes
/// (README "Exit codes"), errors in one line, damage reported in the inventory, and peak memory bounded.
@Suite("bad-input suite")
struct BadInputSuiteTests {
    static let commands = ["analyze", "events", "packets", "status"]
    /// Peak RSS any one run may reach (the debug binary; every bound in README "Limits" holds far below it).
    static let maxPeakRSS = 1 << 30

    @Test("hostile input through analyze, events, packets and status", arguments: HostileInputs.cases)
    func hostile(_ c: HostileInputs.Case) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-bad-\(UUID().uuidString)")
        let inputs = scratch.appendingPathComponent("in"), temporary = scratch.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = try HostileInputs.make(c.name, in: inputs)
        for command in Self.commands {
            let arguments = command == "analyze" ? [command, "--format", "json", path] : [command, path]
            let r = try MeasuredRun.run(arguments, scratch: scratch, environment: ["TMPDIR": temporary.path])
            let label = "\(command) \(c.name)"
            #expect(!r.timedOut, "\(label): still running after its time limit")
            #expect(r.signal == nil, "\(label): killed by signal \(r.signal ?? 0) (a trap?); stderr: \(r.stderr.suffix(400))")
            let allowed: Set<Int32> = command == "analyze" ? [0, 1, 3, 4, 5] : [0, 3, 5]
            #expect(r.exitStatus.map(allowed.contains) == true, "\(label): exit \(r.exitStatus ?? -1); stderr: \(r.stderr.suffix(400))")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.allSatisfy { $0.hasPrefix("licscope: ") }, "\(label): stderr is not one-line messages: \(r.stderr.prefix(400))")
            #expect(r.peakRSS < Self.maxPeakRSS, "\(label): peak RSS \(r.peakRSS >> 20) MiB")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
            #expect(left.isEmpty, "\(label): left \(left) in the temporary folder")
            if command == "analyze", c.damaged {
                #expect([3, 4, 5].contains(r.exitStatus ?? -1), "\(label): damage not reflected in the exit code")
                let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                let inventory = report?["inventory"] as? [[String: Any]] ?? []
                let mine = inventory.filter { ($0["path"] as? String)?.hasPrefix(path) == true }
                #expect(!mine.isEmpty, "\(label): the input is missing from the inventory")
                #expect(mine.contains { ($0["status"] as? String).map { $0 != "parsed" } == true },
                        "\(label): no inventory item says what was lost: \(mine)")
            }
        }
    }
}
