import Foundation
import LicensingModel
import Rules

/// The one-paragraph answer at the top of every report, written from the report's own parts: its findings, the
/// state intervals (the state at the last evidence is each dimension's last interval), the runway, how many events
/// there were and how many product instances.
public enum VerdictText {
    /// The verdict paragraph of `report` (whose `verdict.summary` it is meant to fill).
    public static func summary(of report: AnalysisReport) -> String {
        guard report.eventCount > 0 else {
            return "No licensing evidence was found in the inputs (see the inventory for what each file was read as)."
        }
        let body = body(report)
        if report.productInstances.count > 1 {
            return "The inputs hold \(report.productInstances.count) product instances (UDIs): their evidence was merged into one "
                + "timeline, so states and findings may mix systems; analyze each system's files separately. " + body
        }
        return body
    }

    static func body(_ r: AnalysisReport) -> String {
        let state = stateSentence(r)
        guard let top = r.findings.first else {
            return "No known problem found. \(state)"
        }
        var text = headline(top)
        if r.findings.count > 1 {
            let more = r.findings.dropFirst().prefix(3).map(\.id).joined(separator: ", ")
            text += " Also: \(more)\(r.findings.count > 4 ? ", …" : "")."
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

    /// `At the last evidence (…): REGISTERED, AUTHORIZED[, enforcement …]. If nothing succeeds: … on ….`
    static func stateSentence(_ r: AnalysisReport) -> String {
        guard let end = r.evidenceEnd else { return "" }
        func last(_ d: StateDimension) -> String { r.states.last { $0.dimension == d }?.value ?? "" }
        var text = "At the last evidence (\(end.iso8601UTC)): \(last(.registration)), \(last(.authorization))"
        let enforcement = last(.enforcement)
        if !enforcement.isEmpty, enforcement != EnforcementState.none.rawValue { text += ", enforcement \(enforcement)" }
        text += "."
        if let next = r.runway.first {
            text += " If nothing succeeds: \(next.to) on \(next.at.iso8601UTC)."
        }
        return text
    }
}
