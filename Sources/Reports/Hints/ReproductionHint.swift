import Foundation
import LicensingModel
import Rules

/// Shell commands that show a piece of evidence in its source, for the engineer to check the verdict by hand, made
/// when a report is rendered. Every command runs as printed: a file inside an archive
/// (`bundle.zip!cm/trace/slm/log4j/slm.log`) is taken out by ``MemberExtraction`` (`unzip -p`, `tar -xOf` /
/// `tar -xOzf` with the member's exact stored name, or a `python3` one-liner for one of several same-named members),
/// a gzip'd file is read with `zgrep` or `gzip -dc`, and the result piped on.
public struct ReproductionHint: Sendable {
    /// What the hints know of the archives' members (from the report's inventory).
    let members: MemberExtraction

    /// Hints for a report: its inventory tells each member's stored name and which names have copies.
    public init(inventory: [AnalysisReport.InventoryEntry]) {
        members = MemberExtraction(inventory: inventory)
    }

    /// Hints without an inventory (every member taken as stored under its shown name, without copies).
    public init() { members = MemberExtraction(inventory: []) }

    /// The command for a finding's evidence item: it greps the item's excerpt, or for a state item the text its
    /// source holds there (`FindingEvidence/sourceText`, else the line is printed by number); nil without a source.
    public func command(for item: FindingEvidence) -> String? {
        guard let source = item.source else { return nil }
        return command(for: source, excerpt: item.describesState ? item.sourceText : item.excerpt)
    }

    /// `grep -nF -- '<excerpt prefix>' '<path>'` for a text line (`sed -n 'Np'` when there is no usable excerpt),
    /// `tshark -r '<path>' -Y "frame.number == N"` for a capture frame, `xxd` for an offset; for a whole file, nil
    /// outside an archive and the extraction inside one.
    public func command(for source: SourcePointer, excerpt: String?) -> String? {
        let segments = source.path.components(separatedBy: "!")
        guard segments.count > 1 || segments[0] == Self.standardInput else {
            return Self.inPlace(source, path: source.path, gzipped: Self.isGzip(source.path), excerpt: excerpt)
        }
        var stream = ""
        if segments[0] == Self.standardInput {
            if segments.count > 1 { stream = members.command(member: segments[1], in: segments[0], shownAs: source.path(upTo: 1), archiveOnStdin: true) }
        } else {
            stream = members.command(member: segments[1], in: segments[0], shownAs: source.path(upTo: 1), archiveOnStdin: false)
        }
        if segments.count > 2 {
            for i in 2..<segments.count {
                stream += " | " + members.command(member: segments[i], in: segments[i - 1], shownAs: source.path(upTo: i), archiveOnStdin: true)
            }
        }
        if segments.count > 1, Self.isGzip(MemberCopy.parse(segments[segments.count - 1]).name) { stream += " | gzip -dc" }
        let pipe = stream.isEmpty ? "" : stream + " | "
        switch source.location {
        case .frame(let n): return "\(pipe)tshark -r - -Y \"frame.number == \(n)\""
        case .line(let n):
            if let needle = Self.grepNeedle(excerpt) { return "\(pipe)grep -nF -- \(Self.shellQuoted(needle))" }
            return "\(pipe)sed -n '\(n)p'"
        case .offset(let n): return "\(pipe)xxd -s \(n) -l 64"
        case .file: return stream.isEmpty ? nil : stream
        }
    }

    /// How an input read from standard input (`licscope … -`) is shown.
    static let standardInput = "<stdin>"

    /// The command for a file read in place (zgrep and tshark read gzip themselves).
    private static func inPlace(_ source: SourcePointer, path: String, gzipped: Bool, excerpt: String?) -> String? {
        let file = shellQuoted(path)
        switch source.location {
        case .frame(let n): return "tshark -r \(file) -Y \"frame.number == \(n)\""
        case .line(let n):
            if let needle = grepNeedle(excerpt) { return "\(gzipped ? "zgrep" : "grep") -nF -- \(shellQuoted(needle)) \(file)" }
            return gzipped ? "gzip -dc \(file) | sed -n '\(n)p'" : "sed -n '\(n)p' \(file)"
        case .offset(let n): return gzipped ? "gzip -dc \(file) | xxd -s \(n) -l 64" : "xxd -s \(n) -l 64 \(file)"
        case .file: return nil
        }
    }

    static func isGzip(_ name: String) -> Bool {
        let n = name.lowercased()
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

extension SourcePointer {
    /// The display path up to and including its `i`th `!`-separated segment.
    func path(upTo i: Int) -> String {
        path.components(separatedBy: "!").prefix(i + 1).joined(separator: "!")
    }
}
