import Foundation
import LicensingModel

/// Safe Markdown pieces for text that comes from the evidence: code spans and fences that the text cannot close,
/// and table cells that stay on one row.
enum MarkdownText {
    /// An inline code span whose backtick fence is longer than any backtick run inside `text`.
    static func code(_ text: String) -> String {
        let clean = AnalysisFormatting.printable(text)
        let fence = String(repeating: "`", count: longestBacktickRun(clean) + 1)
        let pad = clean.hasPrefix("`") || clean.hasSuffix("`") ? " " : ""
        return fence + pad + clean + pad + fence
    }

    /// A fenced block (`info` is the language tag) whose fence is longer than any backtick run inside the lines.
    static func fence(_ lines: [String], info: String = "", indent: String = "") -> String {
        let run = lines.map(longestBacktickRun).max() ?? 0
        let fence = String(repeating: "`", count: max(3, run + 1))
        var out = indent + fence + info + "\n"
        for line in lines { out += indent + line + "\n" }
        return out + indent + fence + "\n"
    }

    /// A code span inside a table cell (GFM reads `\|` as a pipe even inside code).
    static func codeCell(_ text: String) -> String {
        tableSafe(code(text))
    }

    /// One table cell: on one line (line ends escaped by ``AnalysisFormatting/printable(_:)``), pipes and the
    /// backslashes before them escaped, angle brackets neutralized.
    static func cell(_ text: String) -> String {
        tableSafe(AnalysisFormatting.printable(text)).replacingOccurrences(of: "<", with: "&lt;")
    }

    /// `text` that stays in its table cell: GFM splits a row at every `|` not escaped by a backslash, and reads
    /// `\\` as an escaped backslash — so `a\|b` written as `a\\|b` would end the cell. Each `|` becomes `\|`
    /// and a backslash right before one is doubled.
    static func tableSafe(_ text: String) -> String {
        guard text.contains("|") else { return text }
        var out = ""
        var backslashes = ""
        for c in text {
            if c == "\\" {
                backslashes.append(c)
                continue
            }
            out += c == "|" ? backslashes + backslashes + "\\|" : backslashes + String(c)
            backslashes = ""
        }
        return out + backslashes
    }

    /// Prose from rules or the engine: kept as Markdown, but on one paragraph and without raw HTML (`<` is
    /// neutralized outside code spans; inside them it is shown as is).
    static func prose(_ text: String) -> String {
        let flat = AnalysisFormatting.printable(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        let parts = flat.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, part in
            i % 2 == 0 || i == parts.count - 1 ? part.replacingOccurrences(of: "<", with: "&lt;") : String(part)
        }.joined(separator: "`")
    }

    /// A reference: an autolink for a URL, else plain text.
    static func reference(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("https://") || t.hasPrefix("http://"), !t.contains(where: { $0 == " " || $0 == ">" || $0 == "<" }),
            !t.unicodeScalars.contains(where: TerminalText.isUnsafe) {
            return "<\(t)>"
        }
        return prose(t)
    }

    /// A table: header row, separator, rows; every cell already formatted.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    /// A shared table: code columns as code spans, state values and alerts in bold.
    static func table(_ t: PlainTable) -> String {
        table(t.header, t.rows.enumerated().map { i, row in
            row.enumerated().map { c, text in
                if c == t.codeColumn, text != "—" { return codeCell(text) }
                let bold = c == t.stateColumn || (c == t.alertColumn && t.alertRows.contains(i))
                return bold && !text.isEmpty ? "**\(cell(text))**" : cell(text)
            }
        })
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for c in text {
            current = c == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
