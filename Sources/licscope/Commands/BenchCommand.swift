import ArgumentParser
import Foundation
import PacketIngest

/// `licscope bench …`: whole-process benchmarks of the commands users run, side by side with peer tools in the
/// same run (ratios; not timed tests). `bench pcap-loop` is the bare libpcap baseline those runs spawn.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Whole-process benchmarks against peer tools (ratios; not timed tests).",
        discussion: "Generates its inputs, then times whole processes next to grep, tshark and a bare libpcap loop."
            + HelpExamples.bench,
        subcommands: [BenchRunCommand.self, BenchPcapLoopCommand.self], defaultSubcommand: BenchRunCommand.self)
}

/// `licscope bench pcap-loop FILE`: the cheapest possible libpcap read loop, as its own process, so that it pays
/// the same process start and file reading as `licscope packets`.
struct BenchPcapLoopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pcap-loop", abstract: "Bare libpcap read loop (the benchmark's baseline).", shouldDisplay: false)

    @Argument(help: "A pcap or pcapng file.")
    var file: String

    func run() throws {
        guard let r = BareLibpcapLoop.run(path: file) else { throw ExitCode(3) }
        print("\(r.frames) frames, \(r.bytes) checksum")
    }
}
