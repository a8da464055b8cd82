import Analysis
import BundleIngest
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
            A file named on the command line that is not a license output (as `analyze` recognises one) counts as unreadable. \(ExitStatus.helpTable)
            """ + HelpExamples.status)

    @Argument(help: "Files holding `show license all|status|summary|usage|UDI|tech support` outputs, folders and archives holding them, or - for standard input.", completion: .file())
    var files: [String]

    /// What `status` can write (its help lists only these).
    enum OutputFormat: String, OutputFormatChoice {
        case text, json
        static var standard: OutputFormat { .text }
        static var uses: SharedOptionUse { [.window, .color] }
    }

    @OptionGroup var shared: SharedOptions<OutputFormat>

    /// The most bytes read from one `show license …` output (real ones are a few KiB; the parser holds the text).
    static let maxOutputBytes = 16 << 20

    /// Why `path` is not read: larger than ``maxOutputBytes`` (special files never get here: ``CommandInputs``
    /// refuses them).
    static func inputRefusal(_ path: String) -> String? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxOutputBytes {
            return "\(size) bytes, larger than the limit of \(maxOutputBytes) bytes for a license output; not read"
        }
        return nil
    }

    func run() throws {
        let resolver = try shared.zones.resolver()
        let window = try shared.window(zones: resolver)
        var groups: [[Event]] = []
        var problems: [[String]] = []
        let inputs = try CommandInputs(files)
        defer { inputs.remove() }
        var unreadable = inputs.warnUnread()
        // What was not read, for the JSON document (the same words as on stderr).
        var unread = inputs.problems.map { StatusReport.UnreadInput(path: $0.path, reason: $0.reason, damage: true) }
        unread += inputs.skipped.map { StatusReport.UnreadInput(path: $0.path, reason: $0.reason, damage: false) }
        var passedOver: [String] = []
        for file in inputs.files {
            // A license output is what the readers' registry recognises as one (the files `analyze` reads with the
            // `show license` parser). Found in a folder or an archive, anything else is passed over; named, it
            // counts as unreadable.
            guard file.kind == .cli else {
                if !file.named {
                    passedOver.append(file.displayPath)
                    continue
                }
                let seen = file.kind.map { " (recognised as \($0))" } ?? ""
                let reason = "not a license output\(seen); expected `show license all|status|summary|usage|UDI` text"
                Terminal.warn("licscope: \(file.displayPath): \(reason)")
                unread.append(StatusReport.UnreadInput(path: file.displayPath, reason: reason, damage: true))
                unreadable = true
                continue
            }
            if let refusal = Self.inputRefusal(file.localPath) {
                Terminal.warn("licscope: \(file.displayPath): \(refusal)")
                unread.append(StatusReport.UnreadInput(path: file.displayPath, reason: refusal, damage: true))
                unreadable = true
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.localPath) else {
                Terminal.warn("licscope: \(file.displayPath): cannot read the file")
                unread.append(StatusReport.UnreadInput(path: file.displayPath, reason: "cannot read the file", damage: true))
                unreadable = true
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            let reading = SnapshotEvents.read(text: text, path: file.displayPath, zones: resolver)
            groups += reading.groups
            problems += reading.problems.map { $0.map(\.description) }
        }
        if let first = passedOver.first {
            Terminal.warn("licscope: skipped \(passedOver.count) file(s) that are not license outputs (\(first)\(passedOver.count > 1 ? ", …" : ""))")
        }
        var report: StatusReport
        if let window {
            let kept = StatusWindow.apply(window, groups: groups, problems: problems)
            report = StatusReport.build(groups: kept.groups, problems: kept.problems)
            report.window = StatusWindow(window, outputsLeftOut: kept.leftOut)
            Terminal.warn("licscope: \(report.window?.sentence ?? "")")
            groups = kept.groups
        } else {
            report = StatusReport.build(groups: groups, problems: problems)
        }
        report.unread = unread.isEmpty ? nil : unread
        var text: String
        switch shared.format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: JSONText.escapingFormatCharacters(try encoder.encode(report)), as: UTF8.self) + "\n"
        case .text:
            text = StatusTextRenderer.render(report, color: shared.colored)
        }
        try shared.write(text)
        let damaged = unreadable || report.snapshots.contains { !$0.problems.isEmpty }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: !groups.isEmpty)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }
}
