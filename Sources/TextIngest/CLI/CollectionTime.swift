import Foundation
import LicensingModel

/// When a `show license …` output was taken, from the transcript's own lines: a complete timestamp (date, year,
/// clock) printed on the prompt line (`admin:show license all   Mon Dec 07 05:01:57 UTC 2026` from a logging
/// terminal) or alone on one of the three lines before it (a `date`, `show myself`-style or collector header).
///
/// Outputs print no collection time of their own; what the transcript gives is used before any other placement
/// (the archive member's date, the last log line of the node, the latest activity printed).
public enum CollectionTime {
    /// How many lines before an output's first line are searched.
    public static let linesBefore = 3

    /// The collection time printed around the output starting at the 1-based `firstLine` of `lines`, or nil.
    public static func printed(lines: [Substring], firstLine: Int, prompt: String?, zones: ZoneResolver) -> EventTime? {
        var candidates: [(text: Substring, line: Int)] = []
        if let prompt, let colon = prompt.firstIndex(of: ":") {
            // After the command: `admin:show license all  Mon Dec 07 05:01:57 UTC 2026`.
            let words = prompt[prompt.index(after: colon)...].split(separator: " ", omittingEmptySubsequences: true)
            for k in 0..<words.count where words[k].first?.isLetter == true && k >= 2 {
                candidates.append((Substring(words[k...].joined(separator: " ")), firstLine))
                break
            }
        }
        let start = max(1, firstLine - linesBefore)
        if start < firstLine {
            for n in stride(from: firstLine - 1, through: start, by: -1) where n - 1 < lines.count {
                candidates.append((lines[n - 1], n))
            }
        }
        for (text, line) in candidates where text.count <= 80 {
            guard var t = CiscoTimestamp.parse(text, zones: zones), text.contains(where: \.isNumber),
                t.raw.count >= 15, hasYear(text)
            else { continue }
            t.assumptions.append("collection time printed by the transcript at line \(line) (\(t.raw))")
            return t
        }
        return nil
    }

    private static func hasYear(_ text: Substring) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
            .contains { $0.count == 4 && $0.allSatisfy(\.isNumber) && (1990...2100).contains(Int($0) ?? 0) }
    }
}
