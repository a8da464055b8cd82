import LicensingModel

/// Turns a printed zone (or its absence) into a UTC offset, applying the user's `--tz` overrides and recording
/// every assumption it makes.
///
/// `--tz` accepts `ABBR=±HH:MM` (re-read an abbreviation, e.g. `IST=+02:00` for Israel), or `±HH:MM` / `UTC` /
/// an abbreviation alone (the zone of timestamps that print none). Several may be given.
public struct ZoneResolver: Hashable, Sendable {
    /// Abbreviation (upper-cased) → offset in seconds, from `--tz ABBR=OFFSET`.
    public var overrides: [String: Int]
    /// Offset for timestamps printed without a zone, from `--tz OFFSET`; nil means UTC is assumed (and said).
    public var unzonedOffset: Int?

    /// A resolver with no overrides.
    public init(overrides: [String: Int] = [:], unzonedOffset: Int? = nil) {
        self.overrides = overrides
        self.unzonedOffset = unzonedOffset
    }

    /// Parses `--tz` values.
    /// - Throws: ``ZoneSpecError`` naming the value that could not be read.
    public init(specifications: [String]) throws(ZoneSpecError) {
        self.init()
        for spec in specifications {
            if let eq = spec.firstIndex(of: "=") {
                let abbr = spec[..<eq].uppercased()
                guard !abbr.isEmpty, let off = Self.parseOffset(spec[spec.index(after: eq)...]) else {
                    throw ZoneSpecError(specification: spec)
                }
                overrides[abbr] = off
            } else if let off = Self.parseOffset(spec[...]) {
                unzonedOffset = off
            } else if let entry = ZoneTable.entry(for: spec) {
                unzonedOffset = entry.offsetSeconds
            } else {
                throw ZoneSpecError(specification: spec)
            }
        }
    }

    /// The result of resolving a zone.
    public struct Resolution: Hashable, Sendable {
        /// Seconds east of UTC.
        public var offsetSeconds: Int
        /// The label to show (`IST`, `+05:30`).
        public var label: String
        /// The assumption made, if any.
        public var assumption: String?
    }

    /// Resolves a printed zone label; nil label means the timestamp printed none. Returns nil for an unknown label.
    public func resolve(_ label: Substring?) -> Resolution? {
        guard let label, !label.isEmpty else {
            if let unzonedOffset {
                let l = Self.format(unzonedOffset)
                return Resolution(offsetSeconds: unzonedOffset, label: l, assumption: "no zone printed; \(l) from --tz")
            }
            return Resolution(offsetSeconds: 0, label: "UTC", assumption: "no zone printed; UTC assumed (use --tz)")
        }
        let upper = label.uppercased()
        if let o = overrides[upper] {
            return Resolution(offsetSeconds: o, label: String(label), assumption: "zone \(label) taken as \(Self.format(o)) (--tz)")
        }
        if let o = Self.parseOffset(label) { return Resolution(offsetSeconds: o, label: String(label), assumption: nil) }
        guard let entry = ZoneTable.entry(for: label) else { return nil }
        let assumption = entry.alternatives.isEmpty
            ? nil
            : "zone \(label) is ambiguous; taken as \(entry.meaning) (not \(entry.alternatives.joined(separator: ", "))); override with --tz \(upper)=±HH:MM"
        return Resolution(offsetSeconds: entry.offsetSeconds, label: String(label), assumption: assumption)
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
        "cannot read --tz '\(specification)': expected ABBR=±HH:MM (e.g. IST=+02:00), ±HH:MM, or a zone abbreviation"
    }
}
