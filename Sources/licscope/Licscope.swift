import ArgumentParser

/// The `licscope` command: argument parsing and wiring only; the work is done by the library modules.
@main
struct Licscope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licscope",
        abstract: "Offline troubleshooting analyzer for Cisco Smart Licensing on CUCM.",
        discussion: """
            Reads what was collected (License Manager logs, `show license …` outputs, packet captures, RTMT bundles),
            rebuilds the licensing state timeline with one state engine, and matches known-bug and diagnostic
            signatures from rules/.
            """,
        version: LicscopeVersion.current,
        subcommands: [EventsCommand.self, BenchCommand.self])
}

/// The tool's version string.
enum LicscopeVersion {
    static let current = "0.1.0"
}
