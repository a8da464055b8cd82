import ArgumentParser

/// `licscope bench …`: benchmarks that generate their input deterministically and time licscope against a peer
/// (tshark, a bare libpcap loop, `LC_ALL=C grep -c`) in the same run, printing ratios. They are not timed tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks against peer tools (ratios; not timed tests).",
        subcommands: [BenchPacketsCommand.self, BenchLogsCommand.self])
}
