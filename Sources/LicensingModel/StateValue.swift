import Foundation

/// One value of one state dimension, typed: the engine sets and compares these, and they encode as the strings
/// reports and rules have always used (`REGISTERED`, `AUTHORIZATION EXPIRED`, `OVERAGE`, `proxy`, `unknown`).
public enum StateValue: Hashable, Sendable {
    case registration(RegistrationState)
    case authorization(AuthorizationState)
    case enforcement(EnforcementState)
    /// The transport, nil while unknown.
    case transport(TransportMode?)

    /// The dimension the value belongs to.
    public var dimension: StateDimension {
        switch self {
        case .registration: return .registration
        case .authorization: return .authorization
        case .enforcement: return .enforcement
        case .transport: return .transport
        }
    }

    /// The string reports, rules and JSON use.
    public var rawValue: String {
        switch self {
        case .registration(let v): return v.rawValue
        case .authorization(let v): return v.rawValue
        case .enforcement(let v): return v.rawValue
        case .transport(let v): return v?.rawValue ?? Self.unknownTransport
        }
    }

    /// Reads a dimension's value from its string; nil when the string is not one of the dimension's values.
    public init?(_ dimension: StateDimension, rawValue: String) {
        switch dimension {
        case .registration: guard let v = RegistrationState(rawValue: rawValue) else { return nil }; self = .registration(v)
        case .authorization: guard let v = AuthorizationState(rawValue: rawValue) else { return nil }; self = .authorization(v)
        case .enforcement: guard let v = EnforcementState(rawValue: rawValue) else { return nil }; self = .enforcement(v)
        case .transport:
            if rawValue == Self.unknownTransport { self = .transport(nil); return }
            guard let v = TransportMode(rawValue: rawValue) else { return nil }
            self = .transport(v)
        }
    }

    /// The transport's value while no evidence names it.
    public static let unknownTransport = "unknown"

    /// Every value of a dimension, as strings (the closed set rules may name).
    public static func allowed(for dimension: StateDimension) -> [String] {
        switch dimension {
        case .registration: return RegistrationState.allCases.map(\.rawValue)
        case .authorization: return AuthorizationState.allCases.map(\.rawValue)
        case .enforcement: return EnforcementState.allCases.map(\.rawValue)
        case .transport: return TransportMode.allCases.map(\.rawValue) + [unknownTransport]
        }
    }
}
