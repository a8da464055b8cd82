import Foundation

/// A dimension of licensing state that the engine tracks over time.
public enum StateDimension: String, Hashable, Sendable, Codable, CaseIterable {
    case registration
    case authorization
    case enforcement
    case transport
}

/// One stretch of time during which a dimension held one value, with why it started.
public struct StateInterval: Hashable, Sendable {
    /// The value, typed (its dimension and one of that dimension's enum cases).
    public var state: StateValue
    /// When it began; nil when it held from before the first evidence (since when is not in the evidence).
    public var start: Date?
    /// When it ended; nil when it still holds at the end of the evidence.
    public var end: Date?
    /// Why it began (`registration.succeeded`, `timer: communication deadline (90 days after last authorization)`).
    public var cause: String
    /// The evidence behind `cause`.
    public var evidence: [SourcePointer]

    /// Which dimension.
    public var dimension: StateDimension { state.dimension }
    /// The value as reports, rules and JSON spell it (`REGISTERED`, `AUTHORIZATION EXPIRED`, `OVERAGE`, `proxy`).
    public var value: String { state.rawValue }

    /// Creates an interval.
    public init(state: StateValue, start: Date?, end: Date?, cause: String, evidence: [SourcePointer]) {
        self.state = state
        self.start = start
        self.end = end
        self.cause = cause
        self.evidence = evidence
    }

    /// Creates an interval from a dimension and its value's string; nil when the string is not one of the
    /// dimension's values.
    public init?(
        dimension: StateDimension, value: String, start: Date?, end: Date?, cause: String, evidence: [SourcePointer]
    ) {
        guard let state = StateValue(dimension, rawValue: value) else { return nil }
        self.init(state: state, start: start, end: end, cause: cause, evidence: evidence)
    }

    /// Whether the interval covers `instant` (start inclusive, end exclusive, open ends unbounded).
    public func contains(_ instant: Date) -> Bool {
        (start.map { $0 <= instant } ?? true) && (end.map { instant < $0 } ?? true)
    }
}

extension StateInterval: Codable {
    private enum CodingKeys: String, CodingKey { case dimension, value, start, end, cause, evidence }

    /// Reads the `dimension` / `value` strings of earlier output.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = try StateValue.decode(from: c, dimension: .dimension, value: .value)
        start = try c.decodeIfPresent(Date.self, forKey: .start)
        end = try c.decodeIfPresent(Date.self, forKey: .end)
        cause = try c.decode(String.self, forKey: .cause)
        evidence = try c.decode([SourcePointer].self, forKey: .evidence)
    }

    /// Writes the value as its string, exactly as before the values were typed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        try c.encode(cause, forKey: .cause)
        try c.encode(evidence, forKey: .evidence)
    }
}

extension StateValue {
    /// Decodes a value from a dimension key and a value-string key, rejecting strings outside the dimension's set.
    public static func decode<K: CodingKey>(
        from c: KeyedDecodingContainer<K>, dimension: K, value: K
    ) throws -> StateValue {
        let d = try c.decode(StateDimension.self, forKey: dimension)
        let raw = try c.decode(String.self, forKey: value)
        guard let v = StateValue(d, rawValue: raw) else {
            throw DecodingError.dataCorruptedError(forKey: value, in: c, debugDescription: "'\(raw)' is not a \(d.rawValue) value")
        }
        return v
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
