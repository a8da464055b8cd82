import ArgumentParser
import Foundation
import Rules
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
            "Zone of timestamps printed without one: an IANA zone (Asia/Kolkata, Europe/Zurich; DST by its rules), ±HH:MM or an abbreviation; overrides the zone inferred from the bundle. ABBR=IANA or ABBR=±HH:MM re-reads a printed abbreviation (IST=Asia/Jerusalem, IST=+02:00). Repeatable.",
            valueName: "ZONE"),
        completion: .custom(completeZones))
    var tz: [String] = []

    /// Shell completion of `--tz`: the IANA zone ids starting with the word typed (ABBR=ZONE forms are typed by hand).
    @Sendable static func completeZones(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        (TimeZone.knownTimeZoneIdentifiers + ["UTC"]).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The resolver, or a usage error naming the bad value.
    func resolver() throws -> ZoneResolver {
        do { return try ZoneResolver(specifications: tz) } catch { throw ValidationError(error.description) }
    }
}

/// Severities as typed option values (`--min-level`), completed from the five levels.
extension RuleSeverity: ExpressibleByArgument {}

extension ReportFormat: OutputFormatChoice {
    static var standard: ReportFormat { .text }
    static var uses: SharedOptionUse { [.window, .rules, .color] }
}
