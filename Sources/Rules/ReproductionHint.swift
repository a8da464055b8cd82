import Foundation
import LicensingModel

/// Shell commands that show a piece of evidence in its source, for the engineer to check the verdict by hand.
public enum ReproductionHint {
    /// `grep -nF -- '<excerpt prefix>' '<path>'` for a text line (`sed -n 'Np'` when there is no usable excerpt),
    /// `tshark -r '<path>' -Y "frame.number == N"` for a capture frame; nil for a whole-file pointer.
    public static func command(for source: SourcePointer, excerpt: String?) -> String? {
        let path = shellQuoted(source.path)
        switch source.location {
        case .frame(let n): return "tshark -r \(path) -Y \"frame.number == \(n)\""
        case .line(let n):
            if let needle = grepNeedle(excerpt) { return "grep -nF -- \(shellQuoted(needle)) \(path)" }
            return "sed -n '\(n)p' \(path)"
        case .offset(let n): return "xxd -s \(n) -l 64 \(path)"
        case .file: return nil
        }
    }

    /// A literal piece of the excerpt good for `grep -F`: the first line, trimmed, at most 60 characters,
    /// and never containing a redaction mask (which is not in the source).
    static func grepNeedle(_ excerpt: String?) -> String? {
        guard let line = excerpt?.split(separator: "\n").first else { return nil }
        var needle = String(line.trimmingCharacters(in: .whitespaces).prefix(60))
        if let mask = needle.range(of: Redaction.mask) { needle = String(needle[..<mask.lowerBound]) }
        needle = needle.trimmingCharacters(in: .whitespaces)
        return needle.count >= 4 ? needle : nil
    }

    /// Single-quotes `text` for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
