import Foundation

/// A dimension of licensing state that the engine tracks over time.
public enum StateDimension: String, Hashable, Sendable, Codable, CaseIterable {
    case registration
    case authorization
    case enforcement
    case transport
}

/// One stretch of time during which a dimension held one value, with why it started.
public struct StateInterval: Hashable, Sendable, Codable {
    /// Which dimension.
    public var dimension: StateDimension
    /// The value (`REGISTERED`, `AUTHORIZATION EXPIRED`, `OVERAGE`, `proxy`), as the enums' raw values.
    public var value: String
    /// When it began; nil when it held from before the first evidence.
    public var start: Date?
    /// When it ended; nil when it still holds at the end of the evidence.
    public var end: Date?
    /// Why it began (`registration.succeeded`, `timer: communication deadline (90 days after last authorization)`).
    public var cause: String
    /// The evidence behind `cause`.
    public var evidence: [SourcePointer]

    /// Creates an interval.
    public init(
        dimension: StateDimension, value: String, start: Date?, end: Date?, cause: String, evidence: [SourcePointer]
    ) {
        self.dimension = dimension
        self.value = value
        self.start = start
        self.end = end
        self.cause = cause
        self.evidence = evidence
    }

    /// Whether the interval covers `instant` (start inclusive, end exclusive, open ends unbounded).
    public func contains(_ instant: Date) -> Bool {
        (start.map { $0 <= instant } ?? true) && (end.map { instant < $0 } ?? true)
    }
}

/// The kinds of evidence a bundle can hold. Rules name them in `requires`; when one is absent the report says
/// "not evaluated — collect …" instead of passing silently.
public enum EvidenceKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A `show license …` output.
    case cli
    /// License Manager traces (`slm.log`, `gch.log`, `tp.log`, CuSlmSvr-style traces).
    case licenseManagerLog = "license_manager_log"
    /// IOS-style `%SMART_LIC` / `%CALL_HOME` syslog.
    case syslog
    /// RTMT alert lines.
    case rtmtAlert = "rtmt_alert"
    /// `utils service list` output.
    case serviceList = "service_list"
    /// A packet capture.
    case capture

    /// What to ask the customer for when this evidence is missing.
    public var collectHint: String {
        switch self {
        case .cli: return "`show license all` from the publisher CLI"
        case .licenseManagerLog:
            return "Cisco Smart License Manager traces (RTMT Trace & Log Central, or `file get activelog cm/trace/slm/log4j/*`)"
        case .syslog: return "the syslog covering the failing period"
        case .rtmtAlert: return "RTMT AlertCentral history for SmartLicense*/Product* alerts"
        case .serviceList: return "`utils service list` from the publisher"
        case .capture:
            return "a packet capture during a registration or `license smart renew auth` (`utils network capture eth0 file packets count 100000 size all`)"
        }
    }
}
