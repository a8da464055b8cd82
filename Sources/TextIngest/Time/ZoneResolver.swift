import LicensingModel

/// Turns a printed zone (or its absence) into the zone to read a wall-clock time in, applying the user's `--tz`
/// overrides and the zone decided for the source, and recording every assumption it makes.
///
/// `--tz` accepts an IANA id (`Asia/Kolkata`), `±HH:MM`, `UTC` or an abbreviation alone (the zone of timestamps
/// that print none), and `ABBR=IANA` or `ABBR=±HH:MM` (re-read an abbreviation: `IST=Asia/Jerusalem`,
/// `IST=+02:00`). Several may be given.
public struct ZoneResolver: Hashable, Sendable {
    /// Abbreviation (upper-cased) → zone, from `--tz ABBR=ZONE`.
    public var overrides: [String: LocalZone]
    /// The zone of timestamps printed without one: from `--tz`, or decided for the source from the bundle.
    public var unzoned: LocalZone?
    /// Why ``unzoned`` is what it is (`--tz`, `show timezone config in cm/tz.txt`); nil with no zone set.
    public var unzonedReason: String?
    /// True when ``unzoned`` came from `--tz` (a bundle's evidence then does not replace it).
    public var unzonedFromCommandLine: Bool
    /// The node's configured zone (`show timezone config`) and where it was read, which settles an ambiguous printed
    /// abbreviation when that zone prints it (IST under Asia/Jerusalem is Israel's, not India's).
    public var configuredZone: LocalZone?
    /// Where ``configuredZone`` was read.
    public var configuredZoneReason: String?

    /// A resolver with no overrides: unzoned times are read as UTC, and that is said.
    public init(overrides: [String: LocalZone] = [:], unzoned: LocalZone? = nil, unzonedReason: String? = nil) {
        self.overrides = overrides
        self.unzoned = unzoned
        self.unzonedReason = unzonedReason
        self.unzonedFromCommandLine = false
    }

    /// Parses `--tz` values.
    /// - Throws: ``ZoneSpecError`` naming the value that could not be read.
    public init(specifications: [String]) throws(ZoneSpecError) {
        self.init()
        for spec in specifications {
            if let eq = spec.firstIndex(of: "=") {
                let abbr = spec[..<eq].uppercased()
                guard !abbr.isEmpty, let zone = Self.parseZone(String(spec[spec.index(after: eq)...]), allowAbbreviation: false)
                else { throw ZoneSpecError(specification: spec) }
                overrides[abbr] = zone
            } else if let zone = Self.parseZone(spec, allowAbbreviation: true) {
                unzoned = zone
                unzonedReason = "--tz \(spec)"
                unzonedFromCommandLine = true
            } else {
                throw ZoneSpecError(specification: spec)
            }
        }
    }

    /// `Asia/Kolkata`, `UTC`, `±HH:MM`, or (when allowed) a table abbreviation (its fixed offset).
    static func parseZone(_ text: String, allowAbbreviation: Bool) -> LocalZone? {
        if let o = parseOffset(text[...]) { return text.uppercased() == "UTC" ? LocalZone(identifier: "UTC") : .fixed(o) }
        if let z = LocalZone(identifier: text) { return z }
        if allowAbbreviation, let entry = ZoneTable.entry(for: text) { return .fixed(entry.offsetSeconds) }
        return nil
    }

    /// This resolver with `zone` for unzoned timestamps, unless `--tz` already set one.
    public func withUnzoned(_ zone: LocalZone, reason: String) -> ZoneResolver {
        guard !unzonedFromCommandLine else { return self }
        var copy = self
        copy.unzoned = zone
        copy.unzonedReason = reason
        return copy
    }

    /// This resolver with the node's configured zone (see ``configuredZone``).
    public func withConfiguredZone(_ zone: LocalZone, reason: String) -> ZoneResolver {
        var copy = self
        copy.configuredZone = zone
        copy.configuredZoneReason = reason
        return copy
    }

    /// The zone evidence names for an ambiguous abbreviation: `--tz` first, then the configured zone, when that zone
    /// is one that prints the abbreviation with another meaning than the table's.
    func zoneNamed(for abbreviation: String) -> (zone: LocalZone, reason: String)? {
        let others = ZoneTable.otherZones(printing: abbreviation)
        let candidates: [(LocalZone?, String?)] = [
            (unzonedFromCommandLine ? unzoned : nil, unzonedReason), (configuredZone, configuredZoneReason),
        ]
        for case let (zone?, reason) in candidates {
            if case .named(let n) = zone, others.contains(n.identifier) { return (zone, reason ?? "--tz") }
        }
        return nil
    }

    /// The result of resolving a zone.
    public struct Resolution: Hashable, Sendable {
        /// The zone to read the wall time in.
        public var zone: LocalZone
        /// The label to show (`IST`, `+05:30`, `Europe/Zurich`).
        public var label: String
        /// The assumption made, if any.
        public var assumption: String?
    }

    /// Resolves a printed zone label; nil label means the timestamp printed none. Returns nil for an unknown label.
    public func resolve(_ label: Substring?) -> Resolution? {
        guard let label, !label.isEmpty else {
            if let unzoned {
                return Resolution(zone: unzoned, label: unzoned.description,
                    assumption: "no zone printed; \(unzoned) from \(unzonedReason ?? "--tz")")
            }
            return Resolution(zone: .fixed(0), label: "UTC", assumption: "no zone printed and none found in the bundle; UTC assumed (use --tz)")
        }
        let upper = label.uppercased()
        if let z = overrides[upper] {
            return Resolution(zone: z, label: String(label), assumption: "zone \(label) taken as \(z) (--tz)")
        }
        if let o = Self.parseOffset(label) { return Resolution(zone: .fixed(o), label: String(label), assumption: nil) }
        guard let entry = ZoneTable.entry(for: label) else { return nil }
        if !entry.alternatives.isEmpty, let named = zoneNamed(for: upper) {
            return Resolution(zone: named.zone, label: String(label),
                assumption: "zone \(label) taken as \(named.zone) by its rules at that date, not \(entry.meaning): \(named.reason) names \(named.zone), which prints \(upper)")
        }
        let assumption = entry.alternatives.isEmpty
            ? nil
            : "zone \(label) is ambiguous; taken as \(entry.meaning) (not \(entry.alternatives.joined(separator: ", "))); override with --tz \(upper)=ZONE"
        return Resolution(zone: .fixed(entry.offsetSeconds), label: String(label), assumption: assumption)
    }

    /// Reads `+05:30`, `+0530`, `-8`, `UTC+5:30`, `GMT-08:00`, `Z`.
    public static func parseOffset(_ text: Substring) -> Int? {
        var t = text.uppercased()[...]
        if t == "Z" { return 0 }
        for p in ["UTC", "GMT"] where t.hasPrefix(p) {
            t = t.dropFirst(p.count)
            if t.isEmpty { return 0 }
        }
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let body = t.dropFirst()
        let digits = body.filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count <= 4 else { return nil }
        let h: Int
        let m: Int
        if body.contains(":") {
            let parts = body.split(separator: ":")
            guard parts.count == 2, let hh = Int(parts[0]), let mm = Int(parts[1]) else { return nil }
            (h, m) = (hh, mm)
        } else if digits.count <= 2 {
            guard let hh = Int(digits) else { return nil }
            (h, m) = (hh, 0)
        } else {
            guard let v = Int(digits) else { return nil }
            (h, m) = (v / 100, v % 100)
        }
        guard h <= 14, m < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }

    /// `+05:30` style.
    public static func format(_ offsetSeconds: Int) -> String {
        offsetSeconds == 0 ? "+00:00" : LicensingCalendar.offsetSuffix(offsetSeconds)
    }
}

/// A `--tz` value that could not be read.
public struct ZoneSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value as given.
    public var specification: String
    public var description: String {
        "cannot read --tz '\(specification)': expected an IANA zone (Asia/Kolkata), ABBR=IANA (IST=Asia/Kolkata), ABBR=±HH:MM (IST=+02:00), ±HH:MM, or a zone abbreviation"
    }
}
