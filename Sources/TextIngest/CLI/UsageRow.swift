import Foundation
import LicensingModel

/// Reads the rows of license usage in the two layouts CUCM prints.
enum UsageRow {
    /// A row of the `show license summary` table: `[<uuid glued to tag>]regid.… <count> <status>`.
    /// The License column is blank for `Init` rows and, for rows in use, holds the tag's trailing UUID glued to
    /// the tag with no separator (TAC-212915), so the tag is cut at `regid.`.
    static func tableRow(_ line: Substring) -> EntitlementUsage? {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard tokens.count >= 3, let count = Int(tokens[tokens.count - 2]) else { return nil }
        guard let tagToken = tokens.dropLast(2).first(where: { $0.contains("regid.") || $0.contains(",") }) else {
            return nil
        }
        let tag = tagToken.range(of: "regid.").map { String(tagToken[$0.lowerBound...]) } ?? String(tagToken)
        return EntitlementUsage(tag: tag, count: count, status: String(tokens[tokens.count - 1]))
    }

    /// The head of a usage block in `show license all` / `usage`: `UC Manager Enhanced License (12.x) (regid.…)`,
    /// ` (regid.…)`, or `(ASAv-STD-100M):`. Returns the tag and the display name before it.
    static func blockHead(_ line: Substring) -> (tag: String, displayName: String?)? {
        var body = line.trimmingCharacters(in: .whitespaces)[...]
        if body.hasSuffix(":") { body = body.dropLast() }
        guard body.hasSuffix(")"), let open = body.lastIndex(of: "(") else { return nil }
        let tag = body[body.index(after: open)..<body.index(before: body.endIndex)]
        guard !tag.isEmpty, !tag.contains(" ") else { return nil }
        let name = body[..<open].trimmingCharacters(in: .whitespaces)
        return (String(tag), name.isEmpty ? nil : name)
    }
}
