import ArgumentParser
import Foundation
import Reports

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
            """ + HelpExamples.root,
        version: LicscopeVersion.current,
        subcommands: [
            AnalyzeCommand.self, StatusCommand.self, EventsCommand.self, PacketsCommand.self, RulesCommand.self,
            BenchCommand.self, PreflightCommand.self, TriageCommand.self, TriageWorkerCommand.self,
        ])
    /// Runs the command. Every failure ends in one line, `licscope: error: …`, and exit code 2
    /// (``ExitStatus``); an `ExitCode` thrown by a command is its verdict and exits silently; help and
    /// `--version` print as usual. However it ends early, what ``EarlyExitCleanup`` holds is removed: scratch
    /// folders, and an `-o` file the command did not finish.
    static func main() async {
        Terminal.ignoreBrokenPipeSignal()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            EarlyExitCleanup.removeAll()
            Foundation.exit(code.rawValue)
        } catch let failure as CommandFailure {
            EarlyExitCleanup.removeAll()
            Terminal.error(failure.description)
            Foundation.exit(ExitStatus.usageOrIOError.rawValue)
        } catch {
            EarlyExitCleanup.removeAll()
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Terminal.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            Foundation.exit(ExitStatus.usageOrIOError.rawValue)
        }
    }
}

/// The tool's version string.
enum LicscopeVersion {
    static let current = "0.1.0"
}
