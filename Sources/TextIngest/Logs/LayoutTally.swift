import LicensingModel

/// Counts the layout families of classified lines to name a file's format and the evidence it holds.
struct LayoutTally: Sendable {
    private(set) var counts: [String: Int] = [:]
    private(set) var evidence: Set<EvidenceKind> = []

    /// Adds one line: its layout (nil when an entry's evidence decides) and the evidence of the entries it matched.
    mutating func add(_ layout: LineHeader.Layout?, evidence matched: [EvidenceKind] = []) {
        evidence.formUnion(matched)
        if let special = matched.first(where: { $0 == .rtmtAlert || $0 == .serviceList }) {
            counts[special == .rtmtAlert ? "rtmt-alerts" : "service-list", default: 0] += 1
            return
        }
        let family: String?
        switch layout {
        case .cuslmsvr: family = "cuslmsvr-trace"
        case .log4j: family = "log4j"
        case .syslog: family = "syslog"
        case .rtmtAlert: family = "rtmt-alerts"
        case .other, .untimed, nil: family = matched.contains(.syslog) ? "syslog" : nil
        }
        if let family { counts[family, default: 0] += 1 }
    }

    /// Adds another part of the same file's tally.
    mutating func merge(_ other: LayoutTally) {
        evidence.formUnion(other.evidence)
        for (family, n) in other.counts { counts[family, default: 0] += n }
    }

    /// The dominant family (≥ 90 % of classified lines), `mixed`, or `unknown` when nothing was classified.
    var format: String {
        let total = counts.values.reduce(0, +)
        guard total > 0, let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return "unknown" }
        return top.value * 10 >= total * 9 ? top.key : "mixed"
    }

    /// Evidence kinds: from the families seen and the entries matched.
    var evidenceKinds: Set<EvidenceKind> {
        var out = evidence
        for family in counts.keys {
            switch family {
            case "cuslmsvr-trace", "log4j": out.insert(.licenseManagerLog)
            case "syslog": out.insert(.syslog)
            case "rtmt-alerts": out.insert(.rtmtAlert)
            case "service-list": out.insert(.serviceList)
            default: break
            }
        }
        return out
    }
}
