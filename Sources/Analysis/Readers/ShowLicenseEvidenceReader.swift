import BundleIngest
import Foundation
import LicensingModel
import TextIngest
import Timeline

/// `show license …` outputs: snapshots of the product's own view, whose printed years anchor yearless log lines.
public struct ShowLicenseEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "show license parser" }
    public var pass: Int { 0 }

    /// `show license all|status|summary|usage|UDI|tech support` field labels (domain-notes §3). Asked last in the
    /// standard registry: trace messages quote these words.
    public var textMarkers: [TextMarkers] {
        [TextMarkers(.cli, markers: Self.markers, nameHints: ["license"], layout: Self.isPromptLine)]
    }

    /// A `show license …` prompt line (`admin:show license all`): a subscriber answers it with nothing, which is
    /// evidence too. The same test the parser splits outputs at (``ShowLicenseParser/promptCommand(_:)``), so a
    /// line that merely quotes the command (a README, a trace message) is no prompt.
    @Sendable static func isPromptLine(_ line: ArraySlice<UInt8>) -> Bool {
        // A prompt (at most 64 bytes), the command and at most four more words: longer lines are not prompts.
        guard line.count <= 160 else { return false }
        return ShowLicenseParser.promptCommand(Substring(String(decoding: line, as: UTF8.self))) != nil
    }

    static let markers = [
        "Smart Licensing is ", "Smart Licensing Status", "Registration:", "License Authorization",
        "UDI:", "Smart Account:", "Virtual Account:", "Next Renewal Attempt:", "Next Communication Attempt:",
        "License Usage:", "Smart Agent for Licensing:", "Initial Registration:", "Evaluation Period",
        "Transport:", "Product Information:", "Agent Version:",
    ]

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        let data = FileManager.default.contents(atPath: entry.localPath) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        // The node's configured zone settles an abbreviation it prints with another meaning (Israel's IST).
        let zones = ZoneDecision.withConfiguredZone(
            for: entry.displayPath, evidence: context.zoneEvidence, resolver: context.options.zones)
        let reading = SnapshotEvents.read(text: text, path: entry.displayPath, zones: zones)
        let events = Self.withLineExcerpts(reading.groups.flatMap { $0 }, text: text)
        var out = EvidenceReading(reader: name)
        out.sources = [SourceEvents(path: entry.displayPath, kind: .cli, events: events)]
        out.present = [.cli]
        out.lines = reading.lineCount
        // Same rule as `licscope status`: lines that look like fields but cannot be read are lost evidence.
        out.damage = reading.problems.flatMap { $0 }
        // A transcript that also ran `utils ntp status` (what the clock-error attribution asks for).
        if NtpStatusReader.mentionsNtpStatus(text) {
            let (ntp, problems) = NtpStatusReader.events(text: text, path: entry.displayPath)
            if !ntp.isEmpty { NtpStatusEvidenceReader.add(ntp, problems: problems, path: entry.displayPath, to: &out) }
        }
        for e in events {
            // The latest activity the output reports is closest to when the logs beside it were written.
            if let s = e.snapshot, let t = SnapshotEvents.observationTime(s) {
                let year = LicensingCalendar.components(of: t.instant, offsetSeconds: t.utcOffsetSeconds ?? 0).year
                out.yearHints.append(.init(year: year, source: "\(entry.displayPath) (show license output)"))
            }
        }
        return out
    }

    /// `show license` events carry the line they were read from as their excerpt (the usage row, the
    /// `Failure reason:` line), so a finding shows the text and its reproduction hint can grep for it.
    static func withLineExcerpts(_ events: [Event], text: String) -> [Event] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return events.map { event in
            guard event.excerpt?.isEmpty ?? true, case .line(let n) = event.source.location, n >= 1, n <= lines.count
            else { return event }
            var e = event
            let line = lines[n - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            if !line.isEmpty { e.excerpt = Redaction.redact(String(line.prefix(300))) }
            return e
        }
    }
}
