/// The one way licscope prints a length of time. Each case is a wording used in a different kind of place; a value
/// of the same kind is printed in the same style everywhere. Input is rounded to whole seconds and saturates
/// (NaN reads as 0), so absurd differences between input timestamps print instead of trapping.
public enum DurationFormat: Sendable {
    /// Two units, no spaces, hours unbounded: `42s`, `3m05s`, `1h02m`, `26h00m`. Clock offsets and zone
    /// corrections in assumptions and interpretations, and progress ETAs.
    case compact
    /// Two units with a space, days first: `42s`, `4m 10s`, `3h 05m`, `12d 04h`. Report tables (time left,
    /// printed-versus-derived timer differences, the capture skew).
    case spaced
    /// Words, every non-zero unit down to seconds: `1 year` (a whole number of 365-day years), `30 days`,
    /// `8 hours 52 minutes`, `1 hour 5 minutes 3 seconds`, `0 seconds`. Timer lengths and preflight's clock check.
    case long

    /// `seconds` in this style. The magnitude is printed; with `signed`, a `+` or `-` is put in front unless the
    /// value rounds to zero (`+7m23s`, `-5h30m`, `0s`).
    public func text(_ seconds: Double, signed: Bool = false) -> String {
        let s = Int(saturating: abs(seconds).rounded())
        let sign = signed && s != 0 ? (seconds < 0 ? "-" : "+") : ""
        return sign + magnitude(s)
    }

    private func magnitude(_ s: Int) -> String {
        switch self {
        case .compact:
            if s >= 3600 { return "\(s / 3600)h\(Self.twoDigits(s % 3600 / 60))m" }
            if s >= 60 { return "\(s / 60)m\(Self.twoDigits(s % 60))s" }
            return "\(s)s"
        case .spaced:
            if s >= 86_400 { return "\(s / 86_400)d \(Self.twoDigits(s % 86_400 / 3600))h" }
            if s >= 3600 { return "\(s / 3600)h \(Self.twoDigits(s % 3600 / 60))m" }
            if s >= 60 { return "\(s / 60)m \(Self.twoDigits(s % 60))s" }
            return "\(s)s"
        case .long:
            let year = 365 * 86_400
            if s >= year, s % year == 0 { return Self.count(s / year, "year") }
            let parts = [(s / 86_400, "day"), (s % 86_400 / 3600, "hour"), (s % 3600 / 60, "minute"), (s % 60, "second")]
                .filter { $0.0 != 0 }.map { Self.count($0.0, $0.1) }
            return parts.isEmpty ? "0 seconds" : parts.joined(separator: " ")
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func count(_ n: Int, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
}
