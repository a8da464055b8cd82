import Foundation

/// Reads the remaining-period texts the agents print: `89 days, 1 hours, 33 minutes, 51 seconds`
/// (agent 1.6+) and `87 days 1 hr 41 min 0 sec` (agent 1.3.x).
enum DurationText {
    /// Seconds, or nil when no unit was recognised.
    static func seconds(_ text: some StringProtocol) -> TimeInterval? {
        let tokens = text.lowercased().split { $0 == " " || $0 == "," || $0 == "\t" }
        var total: TimeInterval = 0
        var sawUnit = false
        var pending: Double?
        for token in tokens {
            if let n = Double(token) {
                pending = n
                continue
            }
            // Glued forms such as `87d`.
            let digits = token.prefix { $0.isNumber }
            var unit = token[...]
            if !digits.isEmpty, let n = Double(digits) {
                pending = n
                unit = token.dropFirst(digits.count)
            }
            guard let n = pending, let scale = scale(of: unit) else { continue }
            total += n * scale
            sawUnit = true
            pending = nil
        }
        // A remaining period beyond a century is not a licensing timer: refuse it rather than compute with it.
        return sawUnit && total.isFinite && total <= 36_500 * 86_400 ? total : nil
    }

    private static func scale(of unit: Substring) -> TimeInterval? {
        if unit.hasPrefix("d") { return 86_400 }
        if unit.hasPrefix("h") { return 3_600 }
        if unit.hasPrefix("mi") || unit == "m" { return 60 }
        if unit.hasPrefix("s") { return 1 }
        return nil
    }
}
