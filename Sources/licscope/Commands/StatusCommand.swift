import ArgumentParser
import Foundation
import LicensingModel
import Reports
import TextIngest

/// `licscope status FILE…`: the state engine's reading of `show license …` outputs.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Check `show license …` outputs: printed state, each printed timer against the engine's, and the runway.",
        discussion: """
            For each output found in the files: the state it prints; every timer it prints next to the one the \
            state engine derives (agree / disagree / observed); and what happens if no communication succeeds \
            from then on (authorization expiry, overage end, registration expiry). Times are shown in the \
            source's zone and in UTC; every zone or placement assumption is listed. \
            A file that is not a license output counts as unreadable. \(ExitStatus.helpTable)
            """)

    @Argument(help: "Files holding `show license all|status|summary|usage|UDI|tech support` outputs.")
    var files: [String]

    /// What `status` can write (its help lists only these).
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var zones: ZoneOptions

    @OptionGroup var colors: ColorOptions

    /// The most bytes read from one `show license …` output (real ones are a few KiB; the parser holds the text).
    static let maxOutputBytes = 16 << 20

    /// Why `path` is not read: a special file (a FIFO would block), or larger than ``maxOutputBytes``.
    static func inputRefusal(_ path: String) -> String? {
        if let refusal = SpecialFile.refusal(path) { return refusal }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxOutputBytes {
            return "\(size) bytes, larger than the limit of \(maxOutputBytes) bytes for a license output; not read"
        }
        return nil
    }

    func run() throws {
        let resolver = try zones.resolver()
        var groups: [[Event]] = []
        var problems: [[String]] = []
        var unreadable = false
        for path in files {
            if let refusal = Self.inputRefusal(path) {
                Terminal.warn("licscope: \(path): \(refusal)")
                unreadable = true
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                Terminal.warn("licscope: \(path): cannot read the file")
                unreadable = true
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            guard ShowLicenseParser.looksLikeLicenseOutput(text) else {
                Terminal.warn("licscope: \(path): not a license output (expected `show license all|status|summary|usage|UDI` text)")
                unreadable = true
                continue
            }
            let reading = SnapshotEvents.read(text: text, path: path, zones: resolver)
            groups += reading.groups
            problems += reading.problems
        }
        let report = StatusReport.build(groups: groups, problems: problems)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        case .text:
            Terminal.write(StatusTextRenderer.render(report, color: colors.enabled()))
        }
        let damaged = unreadable || report.snapshots.contains { !$0.problems.isEmpty }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: !groups.isEmpty)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }
}
