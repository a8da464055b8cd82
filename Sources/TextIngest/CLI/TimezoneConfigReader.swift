import Foundation

/// Reads the zone a node is configured with from CUCM's `show timezone config` output:
///
/// ```
/// admin:show timezone config
/// Current timezone: Central European Time (Europe/Warsaw)
/// Timezone version: 2012j
/// ```
/// (`Current time zone: India Standard Time (Asia/Kolkata)` on other releases). Bounded: only lines of at most
/// 300 characters are looked at, and only an identifier Foundation's tz database knows is accepted.
public enum TimezoneConfigReader {
    /// One configured zone and where it was printed.
    public struct Configured: Hashable, Sendable {
        /// The IANA identifier (`Europe/Warsaw`).
        public var identifier: String
        /// The zone's name as printed (`Central European Time`).
        public var name: String
        /// The 1-based line.
        public var line: Int
    }

    /// Every `Current timezone:` line of `text` with a known IANA identifier, in order.
    public static func read(_ text: String) -> [Configured] {
        var out: [Configured] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard raw.count <= 300 else { continue }
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased().replacingOccurrences(of: " ", with: "")
            guard key == "currenttimezone" else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let open = value.lastIndex(of: "("), let close = value.lastIndex(of: ")"), open < close else { continue }
            let id = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            guard LocalZone(identifier: id) != nil else { continue }
            let name = value[..<open].trimmingCharacters(in: .whitespaces)
            out.append(Configured(identifier: id, name: name, line: lineNumber))
        }
        return out
    }

    /// Whether `text` looks like it holds a `show timezone config` output (a cheap check on a prefix).
    public static func mentionsTimezoneConfig(_ text: some StringProtocol) -> Bool {
        text.range(of: "Current timezone:", options: .caseInsensitive) != nil
            || text.range(of: "Current time zone:", options: .caseInsensitive) != nil
    }
}
