import Foundation
import LicensingModel

/// Builds per-dimension state intervals from a transition list.
enum Intervals {
    static func build(
        _ transitions: [Transition], start: Date?, initial: LicensingState = LicensingState(),
        sources: [StateDimension: InitialSource] = [:]
    ) -> [StateInterval] {
        var out: [StateInterval] = []
        for dimension in StateDimension.allCases {
            let source = sources[dimension]
            // A value back-filled from a report or an inference held since a time no evidence shows: its start
            // stays unknown (nil) rather than being pinned to the first evidence.
            var current = StateInterval(
                dimension: dimension, value: initial.value(of: dimension), start: source == nil ? start : nil, end: nil,
                cause: source.map { "\($0.cause); since when is not in the evidence" }
                    ?? "initial state assumed before the first evidence", evidence: source?.evidence ?? [])
            for t in transitions where t.dimension == dimension {
                current.end = t.at
                if current.start.map({ $0 < t.at }) ?? true { out.append(current) }
                current = StateInterval(
                    dimension: dimension, value: t.to, start: t.at, end: nil, cause: t.cause, evidence: t.evidence)
            }
            out.append(current)
        }
        return out
    }
}

/// Compact, bounded per-dimension history strings in the spirit of Zeek's `ssl_history`.
public enum History {
    /// The longest history kept; longer ones keep their tail behind `…`.
    public static let maxLength = 48

    /// One letter per state: registration U/R/X; authorization N/E/e/A/O/x; enforcement -/V/P; transport d/p/s/g,
    /// r for SLR, u while unknown.
    public static func letter(_ dimension: StateDimension, _ value: String) -> Character {
        switch (dimension, value) {
        case (.registration, RegistrationState.registered.rawValue): return "R"
        case (.registration, RegistrationState.registrationExpired.rawValue): return "X"
        case (.registration, _): return "U"
        case (.authorization, AuthorizationState.evaluation.rawValue): return "E"
        case (.authorization, AuthorizationState.evaluationExpired.rawValue): return "e"
        case (.authorization, AuthorizationState.authorized.rawValue): return "A"
        case (.authorization, AuthorizationState.outOfCompliance.rawValue): return "O"
        case (.authorization, AuthorizationState.authorizationExpired.rawValue): return "x"
        case (.authorization, _): return "N"
        case (.enforcement, EnforcementState.overage.rawValue): return "V"
        case (.enforcement, EnforcementState.noProvisioning.rawValue): return "P"
        case (.enforcement, _): return "-"
        case (.transport, TransportMode.slr.rawValue): return "r"
        case (.transport, _): return TransportMode(rawValue: value) == nil ? "u" : (value.first ?? "u")
        }
    }

    static func strings(_ transitions: [Transition], initial: LicensingState = LicensingState()) -> [StateDimension: String] {
        var out: [StateDimension: String] = [:]
        for d in StateDimension.allCases {
            var s = String(letter(d, initial.value(of: d)))
            for t in transitions where t.dimension == d { s.append(letter(d, t.to)) }
            if s.count > maxLength { s = "…" + String(s.suffix(maxLength - 1)) }
            out[d] = s
        }
        return out
    }
}
