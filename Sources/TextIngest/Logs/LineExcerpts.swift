import Foundation
import LicensingModel

/// Re-reads the excerpts of chosen lines of a log, byte for byte as ``LogIngester`` makes them when it keeps them
/// (``LogIngestOptions/keepLineText``): the line without its break, cut at the matched length, NUL bytes
/// replaced, secrets redacted before it is cut to the excerpt length.
///
/// An analysis that holds no excerpt per event calls this once per file for the few lines its report shows: one
/// sequential pass (``LineTextReader``), plain or gzip by content, that keeps only the wanted lines.
public enum LineExcerpts {
    /// The excerpts of the 1-based `lines` of the log at `path`, keyed by line; lines the file does not have
    /// (or that cannot be read) are absent.
    public static func read(path: String, lines: Set<Int>) -> [Int: String] {
        guard !lines.isEmpty, var reader = LineTextReader(path: path) else { return [:] }
        return read(&reader, lines: lines)
    }

    /// The excerpts of `lines` read through `reader` (in file order: one pass).
    public static func read(_ reader: inout LineTextReader, lines: Set<Int>) -> [Int: String] {
        var out: [Int: String] = [:]
        for n in lines.sorted() {
            guard let text = reader.text(ofLine: n) else { break }
            out[n] = text.excerpt
        }
        return out
    }
}
