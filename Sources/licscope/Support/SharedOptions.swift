import Analysis
import ArgumentParser
import Foundation
import LicensingModel
import TextIngest

/// A command's `--format` values: an enum of what that command writes, so `--help` and completion list only those
/// and anything else is a usage error.
protocol OutputFormatChoice: ExpressibleByArgument, CaseIterable, Sendable, Equatable {
    /// The format used when `--format` is not given.
    static var standard: Self { get }
    /// Which of the shared options that do not apply everywhere (`--since`/`--until`, `--rules`, `--color`) the
    /// command takes.
    static var uses: SharedOptionUse { get }
}

/// The shared options a command may or may not take: `--since`/`--until` where evidence has times to keep,
/// `--rules` where rules or the message catalog are read, `--color` where text output is colored.
struct SharedOptionUse: OptionSet, Sendable {
    let rawValue: Int
    /// `--rules DIR`.
    static let rules = SharedOptionUse(rawValue: 1)
    /// `--color auto|always|never`.
    static let color = SharedOptionUse(rawValue: 2)
    /// `--since` / `--until`.
    static let window = SharedOptionUse(rawValue: 4)
}

/// The options every command that writes a report shares (`analyze`, `status`, `events`, `packets`, `preflight`):
/// `--format`, `-o`, `--tz`, `--redact`, and where they apply (``OutputFormatChoice/uses``) `--since`/`--until`,
/// `--rules` and `--color`. Each command types `--format` with its own enum; an option that does not apply is left out of the
/// command's help and completion and refused as a usage error.
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

    @Option(help: ArgumentHelp(
        "Keep only evidence at or after this time: 2026-07-05, 2026-07-05T10:00, 2026-07-05T10:00:00Z or …+02:00; without an offset it is read in the --tz zone, else UTC.",
        valueName: "TIME", visibility: Format.uses.contains(.window) ? .default : .private))
    var since: TimeBound?

    @Option(help: ArgumentHelp(
        "Keep only evidence before this time (a date alone keeps its whole day); same forms as --since.",
        valueName: "TIME", visibility: Format.uses.contains(.window) ? .default : .private))
    var until: TimeBound?

    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "The rules directory (its messages/ folder is the log message catalog).", valueName: "DIR",
            visibility: Format.uses.contains(.rules) ? .default : .private),
        completion: .directory)
    var rules: String?

    @Option(help: ArgumentHelp(
        "Color text output: auto (a terminal, and NO_COLOR unset), always, never.", valueName: "WHEN",
        visibility: Format.uses.contains(.color) ? .default : .private))
    var color: ColorMode?

    /// When to color text output.
    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    /// `--since` / `--until` as a window (``TimeWindowReading``), nil without them.
    func window(zones: ZoneResolver) throws -> TimeWindow? {
        try TimeWindowReading.window(since: since, until: until, zones: zones)
    }

    /// Where the output goes.
    var outputFile: OutputFile { OutputFile(output) }

    /// Writes a report rendered whole (`status`, `preflight`, the `triage` summary) to ``outputFile``, with
    /// placeholders under `--redact`. Streamed outputs redact through their ``OutputSink`` instead.
    func write(_ text: String) throws {
        guard redact else { return try outputFile.write(text) }
        var redactor = OutputRedactor()
        try outputFile.write(redactor.redact(text))
    }

    /// The rules directory: `--rules`, else the usual search (``RulesCommand/Location/standardDirectory()``).
    var rulesDirectory: URL { rules.map { URL(fileURLWithPath: $0) } ?? RulesCommand.Location.standardDirectory() }

    /// Whether to color text output: `--color always`, or `auto` (the default) on a terminal with `NO_COLOR` unset and
    /// no `-o` file.
    var colored: Bool {
        switch color ?? .auto {
        case .always: return true
        case .never: return false
        case .auto: return outputFile.path == nil && Terminal.colorAllowed
        }
    }

    func validate() throws {
        if since != nil || until != nil, !Format.uses.contains(.window) {
            throw ValidationError("--since/--until do not apply to this command")
        }
        if rules != nil, !Format.uses.contains(.rules) { throw ValidationError("--rules does not apply to this command") }
        if color != nil, !Format.uses.contains(.color) { throw ValidationError("--color does not apply to this command") }
        try outputFile.validate()
    }
}
