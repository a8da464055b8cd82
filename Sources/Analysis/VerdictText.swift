import Foundation
import LicensingModel
import Rules
import StateEngine

/// The one-paragraph answer at the top of every report.
enum VerdictText {
    static func summary(findings: [Finding], replay: ReplayResult, evidenceCount: Int, productInstances: Int = 1) -> String {
        guard evidenceCount > 0 else {
            return "No licensing evidence was found in the inputs (see the inventory for what each file was read as)."
        }
        if productInstances > 1 {
            return "The inputs hold \(productInstances) product instances (UDIs): their evidence was merged into one "
                + "timeline, so states and findings may mix systems; analyze each system's files separately. "
                + body(findings: findings, replay: replay)
        }
        return body(findings: findings, replay: replay)
    }

    static func body(findings: [Finding], replay: ReplayResult) -> String {
        let state = stateSentence(replay)
        guard let top = findings.first else {
            return "No known problem found. \(state)"
        }
        var text = headline(top)
        if findings.count > 1 {
            let more = findings.dropFirst().prefix(3).map(\.id).joined(separator: ", ")
            text += " Also: \(more)\(findings.count > 4 ? ", …" : "")."
        }
        return text + " " + state
    }

    /// `HIGH (CSCvc94366): <the verdict's first sentence>`, naming the rule once: a sentence that ends with the id in
    /// parentheses loses it, and one that names the id elsewhere keeps it and the prefix leaves it out.
    static func headline(_ finding: Finding) -> String {
        let severity = finding.severity.rawValue.uppercased()
        let sentence = firstSentence(finding.verdict).replacingOccurrences(of: " (\(finding.id))", with: "")
        if sentence.contains(finding.id) { return "\(severity): \(sentence)" }
        return "\(severity) (\(finding.id)): \(sentence)"
    }

    /// The verdict's first sentence (up to the first ". " or the end), so the summary names what the evidence shows
    /// (the interception CA, the proxy's answer) without repeating the whole finding.
    static func firstSentence(_ verdict: String) -> String {
        let flat = verdict.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let end = flat.range(of: ". ") else { return flat.hasSuffix(".") ? flat : flat + "." }
        return String(flat[..<end.lowerBound]) + "."
    }

    static func stateSentence(_ r: ReplayResult) -> String {
        guard let end = r.evidenceEnd else { return "" }
        let s = r.engine.state
        var text = "At the last evidence (\(end.iso8601UTC)): \(s.registration.rawValue), \(s.authorization.rawValue)"
        if s.enforcement != .none { text += ", enforcement \(s.enforcement.rawValue)" }
        text += "."
        if let next = r.runway.first {
            text += " If nothing succeeds: \(next.to) on \(next.at.iso8601UTC)."
        }
        return text
    }
}
