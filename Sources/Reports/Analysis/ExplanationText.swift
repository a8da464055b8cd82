import Foundation
import Rules

/// The `--explain RULE` section appended to a text or Markdown report; JSON and HTML carry
/// ``AnalysisReport/explanation`` in their own shape.
public enum ExplanationText {
    /// The section as plain text (control and bidi characters escaped), or a note when the rules were not evaluated.
    public static func text(_ r: AnalysisReport) -> String {
        guard let e = r.explanation else { return "\n--explain: the rules were not evaluated\n" }
        return "\n== explain \(AnalysisFormatting.printable(e.id))\n" + lines(e, AnalysisFormatting.printable) + "\n"
    }

    /// The section as Markdown: a heading and the text in a fenced block.
    public static func markdown(_ r: AnalysisReport) -> String {
        guard let e = r.explanation else { return "\n--explain: the rules were not evaluated\n" }
        let body = lines(e, AnalysisFormatting.printable).replacingOccurrences(of: "```", with: "` ` `")
        return "\n## Explain \(MarkdownText.prose(e.id))\n\n```text\n" + body + "\n```\n"
    }

    /// The explanation's lines, each escaped by `escape` (which would also escape the line breaks between them).
    static func lines(_ e: RuleExplanation, _ escape: (String) -> String) -> String {
        e.text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }
}
