import ArgumentParser
import TextIngest

/// Output formats shared by the reporting subcommands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, markdown, html
}

/// Time-zone handling shared by every command that reads timestamps.
struct ZoneOptions: ParsableArguments {
    @Option(
        name: .customLong("tz"),
        help: ArgumentHelp(
            "Zone reading: ABBR=±HH:MM re-reads an abbreviation (IST=+02:00 for Israel); ±HH:MM or an abbreviation sets the zone of timestamps printed without one. Repeatable.",
            valueName: "ZONE"))
    var tz: [String] = []

    /// The resolver, or a usage error naming the bad value.
    func resolver() throws -> ZoneResolver {
        do { return try ZoneResolver(specifications: tz) } catch { throw ValidationError(error.description) }
    }
}
