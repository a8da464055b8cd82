import Foundation
import Testing

/// `--format`, `-o`, `--tz` and `--redact` on every command that reads inputs, typed and checked the same way.
@Suite("shared options")
struct SharedOptionsTests {
    static let bundle = "samples/proxy-407-london/bundle"
    static let capture = "\(bundle)/packets.cap"
    static let log = "\(bundle)/cm/trace/slm/log4j/slm.log"
    static let seed = "Tests/licscopeTests/Fixtures/cucm-smart-licensing-direct-model.txt"

    static let commands: [[String]] = [
        ["packets", capture], ["packets", "--format", "jsonl", capture], ["events", log],
        ["events", "--format", "jsonl", log], ["status", seed], ["status", "--format", "json", seed],
        ["analyze", "--format", "markdown", bundle],
    ]

    @Test("-o FILE writes what stdout would have held, and nothing to stdout", arguments: commands)
    func outputFile(_ command: [String]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-o-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let direct = try BinaryRunner.run(command)
        let r = try BinaryRunner.run(command + ["-o", file.path])
        #expect(r.status == direct.status, "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == direct.stdout)
        #expect(!direct.stdout.isEmpty)
    }

    @Test("-o into a missing folder: exit 2 with one line, before any work", arguments: ["packets", "events", "status", "analyze"])
    func outputIntoMissingFolder(_ command: String) throws {
        let input = command == "status" ? Self.seed : command == "events" ? Self.log : Self.capture
        let r = try BinaryRunner.run([command, "-o", "/nonexistent-licscope/out.txt", input])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.hasPrefix("licscope: error: cannot write -o /nonexistent-licscope/out.txt"))
    }

    @Test("--redact replaces customer host names in packets and events output too")
    func redact() throws {
        let plain = try BinaryRunner.run(["packets", Self.capture])
        #expect(plain.stdout.contains("bluecoat.thameside.example"))
        for format in ["text", "jsonl"] {
            let r = try BinaryRunner.run(["packets", "--redact", "--format", format, Self.capture])
            #expect(r.status == 0)
            #expect(!r.stdout.contains("bluecoat.thameside.example"), "\(format)")
            #expect(r.stdout.contains("host-1"), "\(format)")
            #expect(r.stdout.contains("tools.cisco.com"), "Cisco's endpoints stay readable")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-redact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("slm.log")
        try (SecretLeakTests.prefix + SecretLeakTests.failure
            + "https://proxy.corp-example.net:8080/x (ERR 205 : Request Aborted)\n").write(to: log, atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["events", log.path]).stdout.contains("proxy.corp-example.net"))
        for format in ["text", "jsonl"] {
            let r = try BinaryRunner.run(["events", "--redact", "--format", format, log.path])
            #expect(!r.stdout.contains("proxy.corp-example.net"), "\(format)")
            #expect(r.stdout.contains("host-1"), "\(format)")
        }
    }

    @Test("a format the command does not write is refused by the parser (exit 2, one line)", arguments: [
        ["packets", "--format", "html"], ["events", "--format", "json"], ["status", "--format", "markdown"],
        ["analyze", "--format", "pdf"],
    ])
    func formatRefused(_ command: [String]) throws {
        let r = try BinaryRunner.run(command + [Self.seed])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.hasPrefix("licscope: error: "))
    }

    @Test("--tz on packets is checked like everywhere else")
    func packetsTZ() throws {
        #expect(try BinaryRunner.run(["packets", "--tz", "Europe/London", Self.capture]).status == 0)
        let bad = try BinaryRunner.run(["packets", "--tz", "Mars/Olympus", Self.capture])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--tz"))
    }

    @Test("--help of each command lists the shared options, --since/--until, --rules and --color only where they apply", arguments: [
        ("analyze", ["--since", "--until", "--rules", "--color"]), ("events", ["--since", "--until", "--rules"]),
        ("packets", ["--since", "--until"]), ("status", ["--since", "--until", "--color"]), ("preflight", ["--rules"]),
    ])
    func helpListsSharedOptions(_ command: String, _ applies: [String]) throws {
        let r = try BinaryRunner.run([command, "--help"])
        for option in ["--format", "--output", "--tz", "--redact"] + applies {
            #expect(r.stdout.contains(option), "\(command) --help lacks \(option)")
        }
        for option in ["--since", "--until", "--rules", "--color"] where !applies.contains(option) {
            #expect(!r.stdout.contains(option), "\(command) --help lists \(option)")
            // Given anyway, it is a usage error: one line, exit 2, before any work.
            let value = ["--rules": "rules", "--color": "always"][option] ?? "2026-07-05"
            let refused = try BinaryRunner.run([command, option, value] + (command == "preflight" ? [] : [Self.capture]))
            #expect(refused.status == 2, "\(command) \(option)")
            let name = option == "--since" || option == "--until" ? "--since/--until do" : "\(option) does"
            #expect(refused.stderr == "licscope: error: \(name) not apply to this command\n", "\(refused.stderr)")
        }
    }
}
