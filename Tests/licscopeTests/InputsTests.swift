import Foundation
import TestSupport
import Testing

/// `-` for standard input on every command that reads inputs, and folders and archives on every one of them, each
/// taking the files it can read.
@Suite("inputs: standard input, folders and archives")
struct InputsTests {
    static let bundle = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-407-london/bundle")
    static var capture: URL { bundle.appendingPathComponent("packets.cap") }
    static var log: URL { bundle.appendingPathComponent("cm/trace/slm/log4j/slm.log") }

    /// A fresh folder, removed by the caller.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The sample bundle as a .tgz in `dir`.
    static func tarball(in dir: URL) throws -> URL {
        let tgz = dir.appendingPathComponent("b.tgz")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-czf", tgz.path, "-C", bundle.deletingLastPathComponent().path, "bundle"]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        return tgz
    }

    @Test("packets -: a capture piped in is read, its pointers say <stdin>")
    func packetsStdin() throws {
        let r = try BinaryRunner.run(["packets", "-"], stdin: try Data(contentsOf: Self.capture))
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("<stdin>#2  tools.cisco.com"))
        #expect(r.stdout.contains("proxy✗(407)"))
        #expect(!r.stdout.contains("licscope-"), "no scratch path leaks into the output")
    }

    @Test("events -: a log piped in gives <stdin>:line pointers")
    func eventsStdin() throws {
        let r = try BinaryRunner.run(["events", "-"], stdin: try Data(contentsOf: Self.log))
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 30)
        #expect(lines.allSatisfy { $0.contains("<stdin>:") })
    }

    @Test("status -: a show license output piped in")
    func statusStdin() throws {
        let r = try BinaryRunner.run(["status", "-"], stdin: try Data(contentsOf: BinaryRunner.seed))
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("<stdin>:1  show license"))
        #expect(r.stdout.contains("show license all"))
    }

    @Test("analyze -: an archive piped in is recognised by content; its reproduction hints run on the same input")
    func analyzeStdinArchive() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tgz = try Data(contentsOf: try Self.tarball(in: dir))
        let r = try BinaryRunner.run(["analyze", "--format", "json", "-"], stdin: tgz)
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("\"proxy-auth-required\""))
        #expect(r.stdout.contains("<stdin>!bundle/packets.cap"))
        #expect(!r.stdout.contains("licscope-"), "no scratch path leaks into the report")
        struct Report: Decodable {
            struct Finding: Decodable {
                struct Evidence: Decodable { var reproduction: String? }
                var evidence: [Evidence]
            }
            var inputs: [String]
            var findings: [Finding]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        #expect(report.inputs == ["<stdin>"])
        let hint = try #require(report.findings.flatMap(\.evidence).compactMap(\.reproduction).first { $0.contains("grep") })
        let shell = try Shell.run("cat '\(dir.path)/b.tgz' | \(hint)")
        #expect(shell.status == 0, "\(hint)")
        #expect(!shell.stdout.isEmpty, "the hint finds its line: \(hint)")
    }

    @Test("- twice is a usage error: exit 2, one line")
    func stdinTwice() throws {
        for command in ["analyze", "events", "packets", "status"] {
            let r = try BinaryRunner.run([command, "-", "-"], stdin: Data())
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.hasPrefix("licscope: error: "), "\(command): \(r.stderr)")
        }
    }

    @Test("events DIR reads captures through the capture reader and skips what it cannot read, with a note")
    func eventsFolder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.capture, to: dir.appendingPathComponent("packets.cap"))
        try FileManager.default.copyItem(at: Self.log, to: dir.appendingPathComponent("slm.log"))
        try FileManager.default.copyItem(
            at: BinaryRunner.packageRoot.appendingPathComponent("Tests/licscopeTests/Fixtures/exit-codes/screenshot.png"),
            to: dir.appendingPathComponent("screenshot.png"))
        let r = try BinaryRunner.run(["events", dir.path])
        #expect(r.status == 0, "skipped files are not damage; stderr: \(r.stderr)")
        #expect(r.stdout.contains("packets.cap#"), "capture events point at frames")
        #expect(!r.stdout.contains("packets.cap:"), "the capture is not read as text")
        #expect(r.stdout.contains("proxy.connect"))
        #expect(r.stderr.contains("screenshot.png: skipped"))
    }

    @Test("packets DIR and packets BUNDLE.tgz take the captures inside")
    func packetsFolderAndArchive() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try BinaryRunner.run(["packets", Self.bundle.path])
        #expect(folder.status == 0, "stderr: \(folder.stderr)")
        #expect(folder.stdout.contains("bundle/packets.cap#2"))
        #expect(folder.stderr.contains("not captures"))
        let tgz = try Self.tarball(in: dir)
        let archive = try BinaryRunner.run(["packets", "--format", "jsonl", tgz.path])
        #expect(archive.status == 0, "stderr: \(archive.stderr)")
        #expect(archive.stdout.contains(#"b.tgz!bundle/packets.cap","frame":2"#))
    }

    @Test("status DIR takes the show license outputs and passes over the rest")
    func statusFolder() throws {
        let r = try BinaryRunner.run(["status", "--format", "json", Self.bundle.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        struct Report: Decodable {
            struct Snapshot: Decodable { var command: String }
            var snapshots: [Snapshot]
        }
        let commands = Set(try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8)).snapshots.map(\.command))
        #expect(commands.isSuperset(of: ["show license all", "show license status", "show license summary"]))
        #expect(r.stderr.contains("not license outputs"))
    }
}
