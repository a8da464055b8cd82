import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT while a large archive is being extracted, or while the output is being written: the documented exit code
/// (130), no scratch directory left in the temporary folder, and no report file written as if the run had completed
/// (an `-o` file is written beside its target and put in place only at the end).
@Suite("interrupted extraction")
struct InterruptTests {
    @Test("SIGINT mid-extraction: exit 130, the temporary folder empty, no -o file")
    func sigintDuringExtraction() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-sigint-\(UUID().uuidString)")
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // 40,000 members of 1 KiB: long enough to extract that the signal lands in the middle.
        let text = Array(String(repeating: "19:19:03.395 |8060,,,CuSlmSvr,3 INFO filler\n", count: 23).utf8)
        var archive: [UInt8] = []
        archive.reserveCapacity(40_000 * 1_536 + 1024)
        for i in 0..<40_000 { archive += HostileInputs.tar([("cm/trace/slm-\(i).log", text)]) }
        archive += [UInt8](repeating: 0, count: 1024)
        let tarPath = root.appendingPathComponent("big.tar").path
        try Data(archive).write(to: URL(fileURLWithPath: tarPath))
        let report = root.appendingPathComponent("report.json").path

        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = ["analyze", "--format", "json", "-o", report, tarPath]
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = temporary.path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until extraction is visibly under way: files appearing in the private work directory.
        let deadline = Date().addingTimeInterval(60)
        var extracted = 0
        while p.isRunning, Date() < deadline, extracted < 300 {
            extracted = Self.fileCount(under: temporary.path)
            usleep(10_000)
        }
        try #require(p.isRunning, "the run ended before it could be interrupted (\(extracted) files seen)")
        #expect(extracted >= 300)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 130)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(!FileManager.default.fileExists(atPath: report), "a report file exists for an interrupted run")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["big.tar", "tmp"])
    }

    @Test("SIGINT while events streams into -o: exit 130, the old file untouched, nothing beside it")
    func sigintWhileStreaming() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-sigint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // A plain log, no archive (no scratch folder): 60 MB of licensing lines, each one an event.
        let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-407-london/bundle/cm/trace/slm/log4j/slm.log")
        let lines = try Data(contentsOf: sample)
        var text = Data()
        text.reserveCapacity(60 << 20)
        while text.count < 60 << 20 { text.append(lines) }
        let log = root.appendingPathComponent("slm.log")
        try text.write(to: log)
        let report = root.appendingPathComponent("events.jsonl")
        try Data("old\n".utf8).write(to: report)

        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = ["events", "--format", "jsonl", "-o", report.path, log.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until output is being written beside the target.
        let deadline = Date().addingTimeInterval(60)
        var writing = false
        while p.isRunning, Date() < deadline, !writing {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            writing = names.contains { name in
                guard !["slm.log", "events.jsonl"].contains(name) else { return false }
                let size = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path))?[.size]
                return (size as? Int ?? 0) > 0
            }
            usleep(5_000)
        }
        try #require(p.isRunning, "the run ended before it could be interrupted")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 130)
        #expect(try String(contentsOf: report, encoding: .utf8) == "old\n")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["slm.log", "events.jsonl"])
    }

    static func fileCount(under path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var n = 0
        while walker.nextObject() != nil { n += 1 }
        return n
    }
}
