import Foundation
import Testing

/// Help pages end with EXAMPLES; shell completion scripts generate and complete option values (formats,
/// severities, zones, rule ids); every error path begins the same way, on one line, with exit code 2.
@Suite("help, completion and errors")
struct HelpAndCompletionTests {
    @Test("every command's --help has an EXAMPLES block of runnable-looking lines", arguments: [
        [], ["analyze"], ["status"], ["events"], ["packets"], ["rules"], ["rules", "list"], ["rules", "lint"],
        ["rules", "test"], ["rules", "explain"], ["preflight"], ["triage"], ["bench"], ["bench", "run"],
    ])
    func examples(_ command: [String]) throws {
        let r = try BinaryRunner.run(command + ["--help"])
        #expect(r.status == 0)
        let after = try #require(r.stdout.components(separatedBy: "EXAMPLES:\n").dropFirst().first, "\(command)")
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        #expect(lines.count >= 4, "\(command): a comment and a command, twice at least")
        #expect(lines.count % 2 == 0 && lines.enumerated().allSatisfy { $0.offset % 2 == 1 || $0.element.hasPrefix("  # ") })
        let name = (["licscope"] + command).joined(separator: " ")
        #expect(lines.contains { $0.hasPrefix("  \(name)") || $0.contains("| \(name)") }, "\(command)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(command): help wraps lines past 80 columns")
    }

    @Test("completion scripts generate; bash's lists formats and severities", arguments: ["bash", "zsh", "fish"])
    func scripts(_ shell: String) throws {
        let r = try BinaryRunner.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("analyze"))
        #expect(r.stdout.contains("---completion analyze -- --explain"), "rule ids come from the binary")
        #expect(r.stdout.contains("---completion analyze -- --tz"), "zones come from the binary")
        if shell == "bash" {
            #expect(r.stdout.contains("'text'$'\\n''json'$'\\n''jsonl'$'\\n''markdown'$'\\n''html'"))
            #expect(r.stdout.contains("'info'$'\\n''low'$'\\n''medium'$'\\n''high'$'\\n''critical'"))
        }
    }

    /// What the bash script runs to complete a custom value: `licscope ---completion SUBCOMMAND -- OPTION …`.
    static func complete(_ path: [String], option: String, prefix: String) throws -> [String] {
        let words = ["licscope"] + path + [option, prefix]
        let r = try BinaryRunner.run(
            ["---completion"] + path + ["--", option, "\(words.count - 1)", "\(prefix.count)"] + words)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("rule ids and zones complete from the built-in rules and the tz database")
    func customValues() throws {
        let ids = try Self.complete(["analyze"], option: "--explain", prefix: "")
        #expect(ids.contains("CSCvc94366"))
        #expect(ids.contains("proxy-auth-required"))
        #expect(try Self.complete(["analyze"], option: "--explain", prefix: "proxy-") .allSatisfy { $0.hasPrefix("proxy-") })
        #expect(try Self.complete(["rules", "explain"], option: "id", prefix: "CSC").contains("CSCvh16069"))
        let zones = try Self.complete(["events"], option: "--tz", prefix: "Europe/Zu")
        #expect(zones == ["Europe/Zurich"])
    }

    @Test("every error path: one line beginning `licscope: error: `, exit 2", arguments: [
        ["analyze"], ["analyze", "/nonexistent/bundle"], ["analyze", "--fail-on", "nonsense", "x"],
        ["analyze", "--rules", "/nonexistent/rules", "samples/proxy-443-bundle"], ["status"],
        ["status", "--format", "html", "x"], ["events", "--year", "1900", "x"], ["events", "--tz", "Nowhere/Else", "x"],
        ["packets"], ["packets", "--ca-file", "/nonexistent.pem", "x"], ["rules", "explain", "no-such-rule"],
        ["triage", "x"], ["triage", "--results", "r.jsonl", "--shard", "5/2", "x"], ["preflight", "--timeout", "0"],
        ["bench", "run", "--only", "nothing"], ["nosuchcommand"], ["analyze", "--no-such-option", "x"],
    ])
    func errors(_ arguments: [String]) throws {
        let r = try BinaryRunner.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.hasPrefix("licscope: error: "), "\(arguments): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(arguments)")
    }
}
