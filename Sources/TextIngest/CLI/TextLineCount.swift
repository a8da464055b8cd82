/// Counts the lines of a text as the log scanner does (``LogIngestResult/linesRead``): every line break ends a
/// line, and text after the last line break is one more line — an empty piece after a final line break is not.
public enum TextLineCount {
    /// The number of lines of `text` (0 for an empty text).
    public static func of(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == 0x0A { count += 1 }
        if let last = text.utf8.last, last != 0x0A { count += 1 }
        return count
    }
}
