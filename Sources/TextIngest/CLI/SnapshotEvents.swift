import Foundation
import LicensingModel

/// Turns a parsed `show license …` output into timeline events: the `status.snapshot` itself, one event per
/// attempt it reports, one `entitlement.usage` per usage row, and the transport it prints.
public enum SnapshotEvents {
    /// One file's `show license` outputs, each as its event group, with the lines that could not be read.
    public struct FileReading: Sendable {
        /// One event list per output, in file order.
        public var groups: [[Event]]
        /// Per output, lines that looked like fields but could not be read.
        public var problems: [[Damage]]
        /// Lines in the file.
        public var lineCount: Int
    }

    /// Reads every output in a file's text.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - path: the path to put in source pointers.
    ///   - zones: zone resolution (`--tz`).
    public static func read(text: String, path: String, zones: ZoneResolver) -> FileReading {
        let outputs = ShowLicenseParser.parse(text, zones: zones)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return FileReading(
            groups: outputs.map { o in
                let printed = CollectionTime.printed(lines: lines, firstLine: o.firstLine, prompt: o.prompt, zones: zones)
                // A printed collection time before the activity the output reports is not when it was taken.
                let latest = latestActivity(o.snapshot)
                let usable = printed.flatMap { p in latest.map { p.instant >= $0.instant ? p : nil } ?? p }
                return events(for: o, path: path, observedAt: usable)
            },
            problems: outputs.map { $0.problems.map { $0.named(path) } }, lineCount: TextLineCount.of(text))
    }

    /// The events of one output.
    /// - Parameters:
    ///   - output: the parsed output.
    ///   - path: the path to put in source pointers.
    ///   - observedAt: when the command ran, if known from elsewhere (a prompt timestamp, a bundle manifest).
    public static func events(for output: ParsedLicenseOutput, path: String, observedAt: EventTime? = nil) -> [Event] {
        let s = output.snapshot
        func at(_ key: String) -> SourcePointer { .line(path, s.lines[key] ?? output.firstLine) }
        var events: [Event] = []

        func attemptEvent(_ a: AttemptRecord?, key: String, succeeded: EventKind, failed: EventKind) {
            guard let a, let t = a.time else { return }
            switch a.outcome {
            case .succeeded: events.append(Event(kind: succeeded, time: t, source: at(key)))
            case .failed:
                var f: [String: FieldValue] = [:]
                if let r = a.failureReason { f["reason"] = .string(r) }
                events.append(Event(kind: failed, time: t, source: at(key), fields: f))
                events.append(Event(kind: .communicationFailed, time: t, source: at(key), fields: f))
            case .none, .pending, .unknown: break
            }
        }
        attemptEvent(s.registration.initial, key: "registration.initial",
            succeeded: .registrationSucceeded, failed: .registrationFailed)
        // The agent reports the initial registration as the first renewal too; keep one event for one instant.
        if s.registration.lastRenewal?.time != s.registration.initial?.time
            || s.registration.lastRenewal?.outcome != s.registration.initial?.outcome
        {
            attemptEvent(s.registration.lastRenewal, key: "registration.last_renewal",
                succeeded: .registrationRenewSucceeded, failed: .registrationRenewFailed)
        }
        attemptEvent(s.authorization.lastCommunication, key: "authorization.last_communication",
            succeeded: .authorizationRenewSucceeded, failed: .authorizationRenewFailed)
        if let t = s.evaluation.expiredOn {
            events.append(Event(kind: .evaluationExpired, time: t, source: at("evaluation.expired_on")))
        }
        if let mode = s.transport.mode {
            var f: [String: FieldValue] = ["mode": .string(mode.rawValue)]
            if let u = s.transport.url { f["url"] = .string(Redaction.redact(u)) }
            if let h = s.transport.proxyHost { f["proxy_host"] = .string(h) }
            if let p = s.transport.proxyPort { f["proxy_port"] = .int(p) }
            events.append(Event(kind: .transportConfigured, time: nil, source: at("transport.mode"), fields: f))
        }
        let observed = observedAt ?? observationTime(s)
        for (i, u) in s.usage.enumerated() {
            var f: [String: FieldValue] = ["tag": .string(u.tag), "status": .string(u.status)]
            if let c = u.count { f["count"] = .int(c) }
            if let t = u.tier { f["tier"] = .string(t.rawValue) }
            if let d = u.displayName { f["display_name"] = .string(d) }
            events.append(Event(kind: .entitlementUsage, time: observed, source: at("usage[\(i)]"), fields: f))
        }
        events.append(snapshotEvent(output, path: path, observed: observed))
        return events
    }

    private static func snapshotEvent(_ output: ParsedLicenseOutput, path: String, observed: EventTime?) -> Event {
        let s = output.snapshot
        var f: [String: FieldValue] = ["command": .string(s.command), "empty": .bool(s.isEmpty)]
        if let e = s.enabled { f["enabled"] = .bool(e) }
        if let r = s.registration.status { f["registration.status"] = .string(r.rawValue) }
        if let a = s.authorization.status { f["authorization.status"] = .string(a.rawValue) }
        if let m = s.transport.mode { f["transport.mode"] = .string(m.rawValue) }
        if let u = s.transport.url { f["transport.url"] = .string(Redaction.redact(u)) }
        if let h = s.transport.proxyHost { f["proxy_host"] = .string(h) }
        if let p = s.transport.proxyPort { f["proxy_port"] = .int(p) }
        if let e = output.errorText { f["error"] = .string(e) }
        return Event(
            kind: .statusSnapshot, time: observed, source: .line(path, output.firstLine), fields: f, snapshot: s,
            excerpt: output.prompt)
    }

    /// When the command ran, bounded from below by the latest activity it reports: the output does not print
    /// its own time, so the snapshot is placed at that activity and the assumption is recorded.
    public static func observationTime(_ s: StatusSnapshot) -> EventTime? {
        guard var latest = latestActivity(s) else { return nil }
        latest.assumptions.append(
            "the output does not print when it ran; placed at the latest activity it reports (\(latest.raw))")
        return latest
    }

    /// The latest past activity an output reports (registration, renewal, authorization, communication, expiry).
    public static func latestActivity(_ s: StatusSnapshot) -> EventTime? {
        let past: [EventTime?] = [
            s.registration.initial?.time, s.registration.lastRenewal?.time, s.authorization.since,
            s.authorization.lastCommunication?.time, s.evaluation.expiredOn,
        ]
        return past.compactMap({ $0 }).max()
    }
}
