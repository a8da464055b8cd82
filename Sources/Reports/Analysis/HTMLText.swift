import Foundation

/// HTML escaping and the inline style sheet of the HTML report. Every string that reaches the document goes
/// through ``escape(_:)``: evidence excerpts, paths and reasons are untrusted input.
package enum HTMLText {
    /// `text` safe for element content and quoted attribute values: `& < > " '` escaped; a tab as a space; other
    /// control characters as their visible Control Pictures (`␊`, `␇`), and a replacement character already in the
    /// input as `⍰`, so the document never holds U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += " "
            case "\u{FFFD}": out += "⍰"
            default:
                if scalar.value < 0x20 {
                    out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                } else if scalar.value == 0x7F {
                    out += "␡"
                } else if (0x80...0x9F).contains(scalar.value) {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Text for an SVG `<title>` tooltip: each line escaped, line breaks kept as `&#10;` (never shown as `�`).
    static func tooltip(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { escape(String($0)) }
            .joined(separator: "&#10;")
    }

    /// Prose from rules or the engine, escaped, with `backtick` spans shown as `<code>`.
    static func prose(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, part in
            if i % 2 == 1, i < parts.count - 1 { return "<code>\(escape(String(part)))</code>" }
            return (i % 2 == 1 ? "`" : "") + escape(String(part))
        }.joined()
    }

    /// `<tag class="…">escaped text</tag>`.
    static func element(_ tag: String, _ text: String, class cls: String? = nil) -> String {
        "<\(tag)\(cls.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</\(tag)>"
    }

    /// A CSS class name for a state value: `AUTHORIZATION EXPIRED` → `s-authorization-expired`.
    static func stateClass(_ value: String) -> String {
        let slug = value.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "s-" + String(slug.prefix(40))
    }

    /// A table: header cells and rows of already-escaped HTML cells.
    static func table(_ header: [String], _ rows: [[String]], class cls: String? = nil) -> String {
        var out = "<table\(cls.map { " class=\"\($0)\"" } ?? "")><thead><tr>"
        out += header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return out + "</tbody></table>\n"
    }

    /// A shared table: code columns as `<code>`, state values with their color swatch, alerts emphasized.
    static func table(_ t: PlainTable) -> String {
        table(t.header, t.rows.enumerated().map { i, row in
            row.enumerated().map { c, text in
                if c == t.codeColumn, text != "—" { return "<code>\(escape(text))</code>" }
                if c == t.stateColumn { return "<i class=\"swatch \(stateClass(text))\"></i>\(escape(text))" }
                if c == t.alertColumn, t.alertRows.contains(i) { return "<span class=\"warn\">\(escape(text))</span>" }
                return isInstant(text) ? "<span class=\"t\">\(text)</span>" : escape(text)
            }
        })
    }

    /// Whether a cell is one `2018-07-25T09:41:23Z` instant (kept on one line).
    private static func isInstant(_ text: String) -> Bool {
        text.utf8.count == 20 && text.hasSuffix("Z") && text.allSatisfy { $0.isASCII && ($0.isNumber || "-:TZ".contains($0)) }
    }

    /// The style sheet: one inline `<style>`, no fonts or images fetched.
    static let css = """
        :root{--fg:#1d2430;--muted:#5b6472;--line:#d8dde5;--bg:#fff;--panel:#f6f8fa;
        --critical:#7b1fa2;--high:#c62828;--medium:#b26a00;--low:#00838f;--info:#546e7a}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1100px;padding:24px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 6px}.meta{color:var(--muted);margin:0}
        code,pre{font:12.5px/1.45 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
        pre{background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:6px 8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
        pre.cmd{background:#1d2430;color:#e8edf3;border-color:#1d2430}
        table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:var(--panel);font-weight:600}td code{overflow-wrap:anywhere}.t{white-space:nowrap}
        .verdict{border-left:6px solid var(--info);background:var(--panel);padding:10px 14px;border-radius:4px}
        .verdict h2{margin-top:4px}.verdict p{margin:4px 0}.verdict .summary{font-size:16px;font-weight:600}
        .sev{display:inline-block;min-width:70px;text-align:center;color:#fff;border-radius:3px;padding:0 6px;font-weight:700;font-size:12px}
        .sev-critical{--sev:var(--critical)}.sev-high{--sev:var(--high)}.sev-medium{--sev:var(--medium)}.sev-low{--sev:var(--low)}.sev-info{--sev:var(--info)}
        .sev,.finding>h3 .sev{background:var(--sev,var(--info))}.verdict.sev-critical,.verdict.sev-high,.verdict.sev-medium,.verdict.sev-low,.verdict.sev-info{border-left-color:var(--sev)}
        .finding{border:1px solid var(--line);border-left:5px solid var(--sev,var(--info));border-radius:4px;padding:4px 14px 10px;margin:12px 0}
        .finding ol{padding-left:20px}.finding li{margin:6px 0}.label{font-weight:600}.muted{color:var(--muted)}
        .warn{color:var(--medium);font-weight:600}.bad{color:var(--high);font-weight:600}
        .timeline{width:100%;height:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
        .legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:6px 0 0;padding:0;list-style:none;color:var(--muted);font-size:12px}
        .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px;border:1px solid #0002}
        svg text{font:11px system-ui,sans-serif;fill:var(--fg)}svg .axis{fill:var(--muted)}svg .band-label{font-weight:600}
        svg .grid{stroke:var(--line)}svg .end{stroke:#1d2430;stroke-dasharray:3 3}
        svg .st{stroke:#fff;stroke-width:1}svg .st.runway{fill-opacity:.8;stroke:#1d2430;stroke-dasharray:5 3}
        svg .tick{stroke:#37474f;stroke-width:1.5}svg .anomaly{fill:var(--medium)}svg .finding-span{stroke-width:3;stroke-opacity:.5}
        i.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;vertical-align:-1px;border:1px solid #0002}
        .st{fill:#9e9e9e}svg text.on-dark{fill:#fff}svg .hatch{pointer-events:none}
        svg .break{fill:#fff;stroke:none}svg .break-line{stroke:#1d2430;stroke-width:1.5;fill:none}
        svg .marker-label{font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}svg .lane{fill:var(--panel)}
        svg .st.narrow{stroke:#1d2430;stroke-width:.5}svg .untimed-strip{fill:var(--panel)}
        .legend i.assumed{background:repeating-linear-gradient(45deg,#fff 0 2px,#0006 2px 4px)}
        .legend i.runway{background:#fff;border:1px dashed #1d2430}
        details.evidence>summary{cursor:pointer;font-weight:600;margin:6px 0}
        .zones{margin:6px 0 0;padding-left:20px}
        """ + "\n" + StatePalette.css
}
