import ArgumentParser
import Foundation

/// A command's `--format` values: an enum of what that command writes, so `--help` and completion list only those
/// and anything else is a usage error.
protocol OutputFormatChoice: ExpressibleByArgument, CaseIterable, Sendable, Equatable {
    /// The format used when `--format` is not given.
    static var standard: Self { get }
}

/// The options every command that reads inputs shares (`analyze`, `status`, `events`, `packets`): `--format`, `-o`,
/// `--tz` and `--redact`. Each command types `--format` with its own enum.
struct SharedOptions<Format: OutputFormatChoice>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
    var format: Format = .standard

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write the output to this file instead of standard output (- is standard output).", valueName: "FILE"),
        completion: .file())
    var output: String?

    @OptionGroup var zones: ZoneOptions

    @Flag(help: "Replace hosts, addresses, serials, UUIDs and account names with placeholders (secrets are never printed, with or without it).")
    var redact = false

    /// Where the output goes.
    var outputFile: OutputFile { OutputFile(output) }

    func validate() throws {
        try outputFile.validate()
    }
}
