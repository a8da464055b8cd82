import Foundation
import LicensingModel

/// Fills `{field}` placeholders of a rule's verdict from the finding's evidence, so a verdict can name what the
/// evidence shows (`… ends at {root_issuer}` names the inspecting firewall's CA; `… answered {status}`).
///
/// A placeholder takes the value of the first evidence item, in time order, that has the field; `{a|b}` tries `a`
/// then `b`. With no item carrying it, the placeholder reads "(not named in the evidence)", so a verdict never
/// claims a value the evidence does not show.
public enum VerdictTemplate {
    /// What a placeholder reads when no evidence item has the field.
    public static let unnamed = "(not named in the evidence)"

    /// The verdict with every `{field}` / `{a|b}` placeholder replaced.
    public static func fill(_ verdict: String, from evidence: [FindingEvidence]) -> String {
        guard verdict.contains("{") else { return verdict }
        var out = ""
        var rest = Substring(verdict)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let names = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
            guard !names.isEmpty, names.allSatisfy(isFieldName) else {
                out += rest[open...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            out += value(names, in: evidence) ?? unnamed
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholder names used in `verdict` (for lint: each must be a vocabulary field).
    public static func placeholders(in verdict: String) -> [String] {
        var names: [String] = []
        var rest = Substring(verdict)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let parts = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
            if !parts.isEmpty, parts.allSatisfy(isFieldName) { names += parts }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func value(_ names: [String], in evidence: [FindingEvidence]) -> String? {
        for name in names {
            for item in evidence {
                if let v = item.fields?[name]?.text, !v.isEmpty { return Redaction.redact(v) }
            }
        }
        return nil
    }

    private static func isFieldName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}
