import Foundation
import LicensingModel

extension ShowLicenseReader {
    /// A printed time; records a problem when it cannot be read.
    mutating func time(_ text: Substring, key: String, lineNumber: Int) -> EventTime? {
        snapshot.lines[key] = lineNumber
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || ["none", "n/a", "never"].contains(trimmed.lowercased()) { return nil }
        guard let t = CiscoTimestamp.parse(trimmed, zones: zones) else {
            problems.append(Damage(field: "cannot read the time '\(trimmed)'", line: lineNumber))
            return nil
        }
        return t
    }

    /// `SUCCEEDED on <time>`, `SUCCESS on <time>`, `FAILED on <time>`, `None`, `SUCCEEDED`.
    mutating func attempt(_ value: String, key: String, lineNumber: Int) -> AttemptRecord {
        lastAttemptKey = key
        snapshot.lines[key] = lineNumber
        let upper = value.uppercased()
        let outcome: AttemptRecord.Outcome
        if upper.hasPrefix("SUCCE") { outcome = .succeeded }
        else if upper.hasPrefix("FAIL") { outcome = .failed }
        else if upper.hasPrefix("NONE") || upper.isEmpty { outcome = .none }
        else if upper.hasPrefix("PENDING") || upper.hasPrefix("IN PROGRESS") { outcome = .pending }
        else { outcome = .unknown }
        var record = AttemptRecord(outcome: outcome)
        if let on = value.range(of: " on ", options: .caseInsensitive) {
            record.time = time(value[on.upperBound...], key: key, lineNumber: lineNumber)
        }
        return record
    }

    /// `AUTHORIZED on <time>` / `OUT OF COMPLIANCE on <time>` / `AUTHORIZED as of <time>` / `EVAL MODE`.
    mutating func statusAndTime(_ value: String, lineNumber: Int, timeKey: String) -> (String, EventTime?) {
        for separator in [" as of ", " on "] {
            if let r = value.range(of: separator, options: .caseInsensitive) {
                let status = value[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                return (status, time(value[r.upperBound...], key: timeKey, lineNumber: lineNumber))
            }
        }
        return (value, nil)
    }

    /// Attaches `Failure reason: …` to the attempt printed just above it.
    mutating func setFailureReason(_ reason: String, for key: String) {
        let clean = Redaction.redact(reason)
        switch key {
        case "registration.initial": snapshot.registration.initial?.failureReason = clean
        case "registration.last_renewal": snapshot.registration.lastRenewal?.failureReason = clean
        case "authorization.last_communication": snapshot.authorization.lastCommunication?.failureReason = clean
        default: break
        }
    }
}
