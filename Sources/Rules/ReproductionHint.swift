import Foundation
import LicensingModel

/// Shell commands that show a piece of evidence in its source, for the engineer to check the verdict by hand.
/// Every command runs as printed: a file inside an archive (`bundle.zip!cm/trace/slm/log4j/slm.log`) is read with
/// `unzip -p`, `tar -xOf` / `tar -xOzf`, a gzip'd file with `zgrep` or `gzip -dc`, and the result piped on; the
/// Nth of several members sharing one name (`name[N]`) with a `python3` one-liner (``DuplicateMemberHint``).
public enum ReproductionHint {
    /// `grep -nF -- '<excerpt prefix>' '<path>'` for a text line (`sed -n 'Np'` when there is no usable excerpt),
    /// `tshark -r '<path>' -Y "frame.number == N"` for a capture frame, `xxd` for an offset; nil for a whole file.
    public static func command(for source: SourcePointer, excerpt: String?) -> String? {
        let segments = source.path.components(separatedBy: "!")
        if segments.first == standardInput { return fromStandardInput(source, segments: segments, excerpt: excerpt) }
        let member = segments.last ?? source.path
        let gzipped = isGzip(member)
        // Plain file: read in place (zgrep and tshark read gzip themselves).
        guard segments.count > 1 else {
            let path = shellQuoted(source.path)
            switch source.location {
            case .frame(let n): return "tshark -r \(path) -Y \"frame.number == \(n)\""
            case .line(let n):
                if let needle = grepNeedle(excerpt) { return "\(gzipped ? "zgrep" : "grep") -nF -- \(shellQuoted(needle)) \(path)" }
                return gzipped ? "gzip -dc \(path) | sed -n '\(n)p'" : "sed -n '\(n)p' \(path)"
            case .offset(let n): return gzipped ? "gzip -dc \(path) | xxd -s \(n) -l 64" : "xxd -s \(n) -l 64 \(path)"
            case .file: return nil
            }
        }
        var stream = extract(segments[1], from: segments[0], onStdin: false)
        for i in 2..<segments.count { stream += " | " + extract(segments[i], from: segments[i - 1], onStdin: true) }
        if gzipped { stream += " | gzip -dc" }
        switch source.location {
        case .frame(let n): return "\(stream) | tshark -r - -Y \"frame.number == \(n)\""
        case .line(let n):
            if let needle = grepNeedle(excerpt) { return "\(stream) | grep -nF -- \(shellQuoted(needle))" }
            return "\(stream) | sed -n '\(n)p'"
        case .offset(let n): return "\(stream) | xxd -s \(n) -l 64"
        case .file: return stream
        }
    }

    /// How an input read from standard input (`licscope … -`) is shown.
    static let standardInput = "<stdin>"

    /// The command for evidence that came from standard input: it reads the same input piped in again
    /// (`… | grep -nF -- 'needle'`); an archive is saved to a temporary file and its member taken out with `unzip`
    /// or `tar` (which one depends on the content, so both are tried).
    static func fromStandardInput(_ source: SourcePointer, segments: [String], excerpt: String?) -> String? {
        var stream = ""
        if segments.count > 1, let copy = DuplicateMemberHint.occurrence(segments[1]) {
            stream = DuplicateMemberHint.command(name: copy.name, index: copy.index, archive: "-")
        } else if segments.count > 1 {
            let m = shellQuoted(segments[1])
            stream = "(f=$(mktemp) && cat > \"$f\" && { unzip -p \"$f\" \(m) 2>/dev/null || tar -xOf \"$f\" --no-anchored \(m); }; rm -f \"$f\")"
        }
        if segments.count > 1 {
            for i in 2..<segments.count { stream += " | " + extract(segments[i], from: segments[i - 1], onStdin: true) }
            if isGzip(segments.last ?? "") { stream += " | gzip -dc" }
        }
        let pipe = stream.isEmpty ? "" : stream + " | "
        switch source.location {
        case .frame(let n): return "\(pipe)tshark -r - -Y \"frame.number == \(n)\""
        case .line(let n):
            if let needle = grepNeedle(excerpt) { return "\(pipe)grep -nF -- \(shellQuoted(needle))" }
            return "\(pipe)sed -n '\(n)p'"
        case .offset(let n): return "\(pipe)xxd -s \(n) -l 64"
        case .file: return stream.isEmpty ? nil : stream
        }
    }

    /// The command writing `member` of `archive` to stdout; `onStdin` when the archive itself arrives on stdin.
    static func extract(_ member: String, from archive: String, onStdin: Bool) -> String {
        let name = DuplicateMemberHint.storedName(archive).lowercased()
        let m = shellQuoted(member)
        let a = onStdin ? "-" : shellQuoted(archive)
        // The Nth entry sharing one name (shown as `name[N]`): no member is called that.
        if let copy = DuplicateMemberHint.occurrence(member) {
            return DuplicateMemberHint.command(name: copy.name, index: copy.index, archive: a)
        }
        // --no-anchored: members are often stored as `./path`, shown as `path`.
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { return "tar -xOzf \(a) --no-anchored \(m)" }
        if name.hasSuffix(".tar") { return "tar -xOf \(a) --no-anchored \(m)" }
        // zip (also the default for archives recognised by content): unzip needs a seekable file.
        if onStdin { return "(f=$(mktemp) && cat > \"$f\" && unzip -p \"$f\" \(m); rm -f \"$f\")" }
        return "unzip -p \(a) \(m)"
    }

    static func isGzip(_ name: String) -> Bool {
        let n = DuplicateMemberHint.storedName(name).lowercased()
        return n.hasSuffix(".gz") && !n.hasSuffix(".tar.gz")
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
