import Foundation
import LicensingModel

/// Builds a ``StatusSnapshot`` from the lines of one `show license …` output, section by section.
///
/// Keys on the labels the product prints, not on indentation (copies pasted into cases lose it), and tolerates
/// the variants seen across agent releases 1.3 to 4.x: `SUCCEEDED`/`SUCCESS`, trailing spaces after block
/// headers, `Failure reason:` under an attempt, year before or after the time.
struct ShowLicenseReader {
    enum Section { case top, registration, authorization, evaluation, usage, product, agent, transport, other }

    var snapshot: StatusSnapshot
    var problems: [Damage] = []
    var section = Section.top
    let zones: ZoneResolver
    /// Which attempt a following `Failure reason:` belongs to.
    var lastAttemptKey: String?
    /// Index of the usage block being filled (`show license all` layout).
    var openUsageBlock: Int?

    init(command: String, zones: ZoneResolver) {
        self.snapshot = StatusSnapshot(command: command)
        self.zones = zones
    }

    /// Reads one line (without its terminator).
    mutating func read(_ rawLine: Substring, lineNumber: Int) {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.allSatisfy({ $0 == "=" || $0 == "-" }) {
            if line.isEmpty { openUsageBlock = nil }
            return
        }
        if readHeader(line, lineNumber: lineNumber) { return }
        if let (key, value) = splitKeyValue(line) {
            readField(key: key, value: value, line: line, lineNumber: lineNumber)
        } else {
            readFreeLine(line[...], lineNumber: lineNumber)
        }
    }

    /// Section headers and one-line statements.
    private mutating func readHeader(_ line: String, lineNumber: Int) -> Bool {
        let l = line.lowercased()
        if l.hasPrefix("smart licensing is ") {
            snapshot.enabled = l.contains("enabled")
            snapshot.lines["enabled"] = lineNumber
            return true
        }
        let header = l.hasSuffix(":") ? String(l.dropLast()).trimmingCharacters(in: .whitespaces) : l
        let map: [String: Section] = [
            "registration": .registration, "license authorization": .authorization,
            "evaluation period": .evaluation, "license usage": .usage, "product information": .product,
            "agent version": .agent, "transport": .transport, "transport configuration": .transport,
            "smart licensing status": .top, "utility": .other, "data privacy": .other, "miscellaneus": .other,
            "miscellaneous": .other, "export authorization key": .other, "license conversion": .other,
            "reservation info": .other, "license reservation": .other,
        ]
        if let s = map[header] {
            section = s
            openUsageBlock = nil
            return true
        }
        if l.hasPrefix("evaluation period expired on ") || l.hasPrefix("evaluation expired on ") {
            if let on = line.range(of: " on ", options: .caseInsensitive) {
                snapshot.evaluation.expiredOn = time(line[on.upperBound...], key: "evaluation.expired_on", lineNumber: lineNumber)
            }
            return true
        }
        if l.hasPrefix("no licenses in use") || l == "no license in use" {
            snapshot.noLicensesInUse = true
            snapshot.lines["usage.none"] = lineNumber
            return true
        }
        return false
    }

    private func splitKeyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        // A `(regid…):` usage head or a UDI value is not a key.
        guard !key.isEmpty, !key.hasPrefix("("), !key.contains("regid.") else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (key.lowercased(), value)
    }

    private mutating func readField(key: String, value: String, line: String, lineNumber: Int) {
        switch key {
        case "failure reason":
            if let k = lastAttemptKey { setFailureReason(value, for: k) }
            return
        case "udi":
            snapshot.udi = value
            snapshot.lines["udi"] = lineNumber
            return
        case "smart agent for licensing":
            snapshot.agentVersion = value
            snapshot.lines["agent_version"] = lineNumber
            return
        case "license authorization status":
            // `License Authorization Status: AUTHORIZED as of Jan 26 15:12:59 2018 IST` (usage page).
            if snapshot.authorization.status == nil {
                let (status, t) = statusAndTime(value, lineNumber: lineNumber, timeKey: "authorization.since")
                snapshot.authorization.statusText = status
                snapshot.authorization.status = AuthorizationState(cliText: status)
                snapshot.lines["authorization.status"] = lineNumber
                if snapshot.authorization.since == nil { snapshot.authorization.since = t }
            }
            return
        default: break
        }
        switch section {
        case .registration: readRegistration(key: key, value: value, lineNumber: lineNumber)
        case .authorization: readAuthorization(key: key, value: value, lineNumber: lineNumber)
        case .evaluation: readEvaluation(key: key, value: value, lineNumber: lineNumber)
        case .usage: readUsageField(key: key, value: value, line: line, lineNumber: lineNumber)
        case .transport: readTransport(key: key, value: value, lineNumber: lineNumber)
        case .top, .product, .agent, .other: break
        }
    }

    private mutating func readRegistration(key: String, value: String, lineNumber: Int) {
        switch key {
        case "status":
            snapshot.registration.statusText = value
            snapshot.registration.status = RegistrationState(cliText: value)
            snapshot.lines["registration.status"] = lineNumber
            if snapshot.registration.status == nil { problems.append(Damage(field: "unknown registration status '\(value)'", line: lineNumber)) }
        case "smart account": snapshot.registration.smartAccount = value
        case "virtual account": snapshot.registration.virtualAccount = value
        case "export-controlled functionality": snapshot.registration.exportControlled = value
        case "initial registration":
            snapshot.registration.initial = attempt(value, key: "registration.initial", lineNumber: lineNumber)
        case "last renewal attempt":
            snapshot.registration.lastRenewal = attempt(value, key: "registration.last_renewal", lineNumber: lineNumber)
        case "next renewal attempt":
            snapshot.registration.nextRenewal = time(value[...], key: "registration.next_renewal", lineNumber: lineNumber)
        case "registration expires":
            snapshot.registration.expires = time(value[...], key: "registration.expires", lineNumber: lineNumber)
        default: break
        }
    }

    private mutating func readAuthorization(key: String, value: String, lineNumber: Int) {
        switch key {
        case "status":
            let (status, t) = statusAndTime(value, lineNumber: lineNumber, timeKey: "authorization.since")
            snapshot.authorization.statusText = status
            snapshot.authorization.status = AuthorizationState(cliText: status)
            snapshot.authorization.since = t
            snapshot.lines["authorization.status"] = lineNumber
            if snapshot.authorization.status == nil { problems.append(Damage(field: "unknown authorization status '\(status)'", line: lineNumber)) }
        case "last communication attempt":
            snapshot.authorization.lastCommunication = attempt(
                value, key: "authorization.last_communication", lineNumber: lineNumber)
        case "next communication attempt":
            snapshot.authorization.nextCommunication = time(
                value[...], key: "authorization.next_communication", lineNumber: lineNumber)
        case "communication deadline":
            snapshot.authorization.deadline = time(value[...], key: "authorization.deadline", lineNumber: lineNumber)
        case "evaluation period remaining":
            snapshot.authorization.evaluationRemaining = DurationText.seconds(value)
            snapshot.lines["authorization.evaluation_remaining"] = lineNumber
        default: break
        }
    }

    private mutating func readEvaluation(key: String, value: String, lineNumber: Int) {
        switch key {
        case "evaluation mode":
            let v = value.lowercased()
            snapshot.evaluation.inUse = v.hasPrefix("in use") || v == "in-use"
            snapshot.lines["evaluation.mode"] = lineNumber
        case "evaluation period remaining":
            snapshot.evaluation.remaining = DurationText.seconds(value)
            snapshot.lines["evaluation.remaining"] = lineNumber
        default: break
        }
    }

    private mutating func readTransport(key: String, value: String, lineNumber: Int) {
        switch key {
        case "mode", "type", "transport mode", "transport":
            snapshot.transport.modeText = value
            snapshot.transport.mode = TransportMode(cliText: value)
            snapshot.lines["transport.mode"] = lineNumber
        case "url", "cslu address", "satellite url":
            snapshot.transport.url = value
            snapshot.lines["transport.url"] = lineNumber
        case "address", "proxy", "proxy address", "proxy host", "proxy server":
            if !value.isEmpty, value.lowercased() != "<empty>" {
                snapshot.transport.proxyHost = value
                if snapshot.transport.mode == nil || snapshot.transport.mode == .direct { snapshot.transport.mode = .proxy }
                snapshot.lines["transport.proxy_host"] = lineNumber
            }
        case "port", "proxy port":
            if let p = Int(value) {
                snapshot.transport.proxyPort = p
                snapshot.lines["transport.proxy_port"] = lineNumber
            }
        default: break
        }
    }
}
