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
                state: initial.typedValue(of: dimension), start: source == nil ? start : nil, end: nil,
                cause: source.map { "\($0.cause); since when is not in the evidence" }
                    ?? "initial state assumed before the first evidence", evidence: source?.evidence ?? [])
            for t in transitions where t.dimension == dimension {
                current.end = t.at
                if current.start.map({ $0 < t.at }) ?? true { out.append(current) }
                current = StateInterval(state: t.toState, start: t.at, end: nil, cause: t.cause, evidence: t.evidence)
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
    public static func letter(_ value: StateValue) -> Character {
        switch value {
        case .registration(.registered): return "R"
        case .registration(.registrationExpired): return "X"
        case .registration(.unregistered): return "U"
        case .authorization(.evaluation): return "E"
        case .authorization(.evaluationExpired): return "e"
        case .authorization(.authorized): return "A"
        case .authorization(.outOfCompliance): return "O"
        case .authorization(.authorizationExpired): return "x"
        case .authorization(.noLicensesInUse): return "N"
        case .enforcement(.overage): return "V"
        case .enforcement(.noProvisioning): return "P"
        case .enforcement(.none): return "-"
        case .transport(.slr?): return "r"
        case .transport(let mode?): return mode.rawValue.first ?? "u"
        case .transport(nil): return "u"
        }
    }

    /// The letter of a dimension's value string (`u`-like fallbacks for strings outside the dimension's set).
    public static func letter(_ dimension: StateDimension, _ value: String) -> Character {
        StateValue(dimension, rawValue: value).map(letter) ?? (dimension == .transport ? "u" : "?")
    }

    static func strings(_ transitions: [Transition], initial: LicensingState = LicensingState()) -> [StateDimension: String] {
        var out: [StateDimension: String] = [:]
        for d in StateDimension.allCases {
            var s = String(letter(initial.typedValue(of: d)))
            for t in transitions where t.dimension == d { s.append(letter(t.toState)) }
            if s.count > maxLength { s = "…" + String(s.suffix(maxLength - 1)) }
            out[d] = s
        }
        return out
    }
}
