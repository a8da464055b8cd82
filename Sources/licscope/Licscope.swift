import ArgumentParser
import Foundation

/// The `licscope` command: argument parsing and wiring only; the work is done by the library modules.
@main
struct Licscope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licscope",
        abstract: "Offline troubleshooting analyzer for Cisco Smart Licensing on CUCM.",
        discussion: """
            Reads what was collected (License Manager logs, `show license …` outputs, packet captures, RTMT bundles), \
            rebuilds the licensing state timeline with one state engine, and matches known-bug and diagnostic \
            signatures from rules/.
            """,
        version: LicscopeVersion.current,
        subcommands: [
            AnalyzeCommand.self, StatusCommand.self, EventsCommand.self, PacketsCommand.self, RulesCommand.self,
            BenchCommand.self,
        ])
    /// Runs the command, mapping argument errors to exit code 2 (DESIGN.md) instead of sysexits' 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                Terminal.warn(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The tool's version string.
enum LicscopeVersion {
    static let current = "0.1.0"
}
