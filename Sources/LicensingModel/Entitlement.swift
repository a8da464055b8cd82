import Foundation

/// CUCM user license tiers, highest first. A higher tier can stand in for a lower one, but the substitution is
/// done by CSSM, not by CUCM (CUCM 15 FCG), and a satellite does not do it (CSCvh16069).
public enum LicenseTier: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case cuwl = "CUWL"
    case enhancedPlus = "EnhancedPlus"
    case enhanced = "Enhanced"
    case basic = "Basic"
    case essential = "Essential"
    /// Not part of the substitution chain.
    case telePresenceRoom = "TelePresenceRoom"

    /// Position in the chain: higher is a higher tier; TelePresence Room sits outside (-1).
    public var rank: Int {
        switch self {
        case .cuwl: return 5
        case .enhancedPlus: return 4
        case .enhanced: return 3
        case .basic: return 2
        case .essential: return 1
        case .telePresenceRoom: return -1
        }
    }

    /// Whether the tier takes part in hierarchy substitution.
    public var inSubstitutionChain: Bool { rank > 0 }

    public static func < (a: LicenseTier, b: LicenseTier) -> Bool { a.rank < b.rank }

    /// The tier an entitlement tag names (`regid.2016-07.com.cisco.UCM_Enhanced,12.0_…` → `.enhanced`).
    public init?(tag: String) {
        guard let r = tag.range(of: "UCM_") else { return nil }
        let rest = tag[r.upperBound...]
        let name = rest.prefix { $0.isLetter || $0.isNumber }
        switch name.lowercased() {
        case "cuwl", "uwl": self = .cuwl
        case "enhancedplus": self = .enhancedPlus
        case "enhanced": self = .enhanced
        case "basic": self = .basic
        case "essential": self = .essential
        case "telepresenceroom": self = .telePresenceRoom
        default: return nil
        }
    }
}

/// One row of license usage as the product reported it.
public struct EntitlementUsage: Hashable, Sendable, Codable {
    /// The entitlement tag (`regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0…`), without the glued UUID prefix.
    public var tag: String
    /// The display name when printed (`UC Manager Enhanced License (12.x)`).
    public var displayName: String?
    /// The count in use.
    public var count: Int?
    /// The per-entitlement status as printed (`Init`, `InCompliance`, `OutOfCompliance`, `EVAL MODE`, …).
    public var status: String
    /// The CUCM tier, when the tag is a CUCM user license.
    public var tier: LicenseTier?

    /// Creates a usage row; the tier is read from the tag.
    public init(tag: String, displayName: String? = nil, count: Int?, status: String) {
        self.tag = tag
        self.displayName = displayName
        self.count = count
        self.status = status
        self.tier = LicenseTier(tag: tag)
    }

    /// Whether the status says out of compliance (`OutOfCompliance`, `OUT OF COMPLIANCE`, `NotAuthorized`).
    public var isOutOfCompliance: Bool {
        let s = status.lowercased().replacingOccurrences(of: " ", with: "")
        return s.contains("outofcompliance") || s.contains("notauthorized")
    }

    /// Whether the status says in compliance / authorized.
    public var isInCompliance: Bool {
        let s = status.lowercased().replacingOccurrences(of: " ", with: "")
        return !isOutOfCompliance && (s.contains("incompliance") || s == "authorized")
    }
}
