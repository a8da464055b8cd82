import Foundation
import LicensingModel

/// One `show license …` output found in a file.
public struct ParsedLicenseOutput: Hashable, Sendable {
    /// Everything the output printed.
    public var snapshot: StatusSnapshot
    /// The 1-based line where the output starts (its prompt line, when there is one).
    public var firstLine: Int
    /// The last line that belongs to it.
    public var lastLine: Int
    /// The prompt line as printed (`admin:show license all`), when present.
    public var prompt: String?
    /// Lines that looked like fields but could not be read (`line 12: cannot read the time '…'`).
    public var problems: [Damage]
    /// The first non-blank text when the output holds no licensing content (an error page), redacted.
    public var errorText: String?
}

/// Reads CUCM `show license all|status|summary|usage|UDI|tech support` outputs (agent 1.3.x up to 4.x layouts).
public enum ShowLicenseParser {
    /// Splits `text` into outputs (at `show license …` prompt lines) and reads each.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - zones: zone resolution (`--tz`).
    /// - Returns: one entry per output; a file without prompts is one output.
    public static func parse(_ text: String, zones: ZoneResolver) -> [ParsedLicenseOutput] {
        var outputs: [ParsedLicenseOutput] = []
        var reader: ShowLicenseReader?
        var start = 1
        var prompt: String?
        var firstText: String?
        var lineNumber = 0
        func finish(lastLine: Int) {
            guard var r = reader else { return }
            r.snapshot.command = prompt.flatMap { promptCommand($0[...]) } ?? guessCommand(r.snapshot)
            outputs.append(
                ParsedLicenseOutput(
                    snapshot: r.snapshot, firstLine: start, lastLine: max(start, lastLine), prompt: prompt,
                    problems: r.problems, errorText: r.snapshot.isEmpty ? firstText.map(Redaction.redact) : nil))
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let unredacted = raw.hasSuffix("\r") ? raw.dropLast() : raw
            // Secrets are masked before anything reads the line: values, failure reasons and problem texts alike.
            let line = Redaction.mayContainSecret(String(unredacted)) ? Redaction.redact(String(unredacted))[...] : unredacted
            if promptCommand(line) != nil {
                if reader != nil { finish(lastLine: lineNumber - 1) }
                reader = ShowLicenseReader(command: "", zones: zones)
                start = lineNumber
                prompt = line.trimmingCharacters(in: .whitespaces)
                firstText = nil
                continue
            }
            if reader == nil || startsNewOutput(line, current: reader) {
                if reader != nil { finish(lastLine: lineNumber - 1) }
                reader = ShowLicenseReader(command: "", zones: zones)
                start = lineNumber
                prompt = nil
                firstText = nil
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if firstText == nil, !trimmed.isEmpty, !isPromptOnly(trimmed) { firstText = trimmed }
            reader?.read(line, lineNumber: lineNumber)
        }
        finish(lastLine: lineNumber)
        return outputs
    }

    /// `admin:show license all` → `show license all`; nil for other lines.
    public static func promptCommand(_ line: Substring) -> String? {
        guard let r = line.range(of: "show license", options: .caseInsensitive) else { return nil }
        let before = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        // A prompt (`admin:`, `Router#`, `ciscoasa>`) or nothing may precede the command.
        guard before.isEmpty || (before.count <= 64 && [":", "#", ">", "$"].contains(before.last ?? " ")) else {
            return nil
        }
        let command = line[r.lowerBound...].trimmingCharacters(in: .whitespaces)
        let words = command.split(separator: " ")
        guard words.count <= 5 else { return nil }
        return words.map { $0.lowercased() }.joined(separator: " ")
    }

    /// Without prompts, a second output begins at its banner: `Smart Licensing Status`, or `Smart Licensing is …`
    /// once the current output already has a registration block.
    private static func startsNewOutput(_ line: Substring, current: ShowLicenseReader?) -> Bool {
        guard let current else { return false }
        let t = line.trimmingCharacters(in: .whitespaces).lowercased()
        let s = current.snapshot
        if t == "smart licensing status" { return !s.isEmpty }
        if t.hasPrefix("smart licensing is ") { return s.registration.status != nil || s.enabled != nil }
        return false
    }

    private static func isPromptOnly(_ line: String) -> Bool {
        (line.hasSuffix(":") || line.hasSuffix("#") || line.hasSuffix(">")) && !line.contains(" ")
    }

    /// Names the command from the layout when no prompt was captured.
    static func guessCommand(_ s: StatusSnapshot) -> String {
        let hasRegistration = s.registration.status != nil
        if s.isEmpty { return "show license (no output)" }
        if s.udi != nil && !hasRegistration && s.usage.isEmpty && s.authorization.status == nil {
            return "show license UDI"
        }
        if s.agentVersion != nil || s.evaluation.expiredOn != nil || s.evaluation.inUse != nil { return "show license all" }
        if !hasRegistration && (!s.usage.isEmpty || s.noLicensesInUse) { return "show license usage" }
        if hasRegistration && !s.usage.isEmpty { return "show license summary" }
        return "show license status"
    }
}
