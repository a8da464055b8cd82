import Foundation
import LicensingModel
import Rules
import TextIngest

/// Puts back the excerpts of the log lines findings show, when the analysis held none per event
/// (``AnalysisOptions/keepLogLineText``): each file is read once for all its wanted lines (``LogLineTexts``, which
/// leaves alone a file changed since it was analyzed and says so), and each item is made again with its excerpt,
/// so its redaction and reproduction hint are those of an item read with it. A state item keeps its excerpt and
/// gets the hint that finds the log line its state was read from.
enum FindingExcerpts {
    /// Fills in the excerpts of `findings`' text evidence read through `texts`.
    static func fill(_ findings: inout [Finding], texts: inout LogLineTexts, files: [String: LogLineFile]) {
        var wanted: [String: Set<Int>] = [:]
        for f in findings {
            for item in f.evidence {
                guard let (path, line) = Self.pending(item, files: files) else { continue }
                wanted[path, default: []].insert(line)
            }
        }
        guard !wanted.isEmpty else { return }
        var read: [String: [Int: String]] = [:]
        for (path, lines) in wanted.sorted(by: { $0.key < $1.key }) {
            for n in lines.sorted() {
                guard let text = texts.text(path: path, line: n) else { break }
                read[path, default: [:]][n] = text.excerpt
            }
        }
        for f in findings.indices {
            for i in findings[f].evidence.indices {
                let item = findings[f].evidence[i]
                guard let (path, line) = Self.pending(item, files: files), let text = read[path]?[line] else { continue }
                if item.describesState {
                    findings[f].evidence[i].noteSourceText(text)
                    continue
                }
                var filled = FindingEvidence(
                    label: item.label, source: item.source, time: item.time, excerpt: text, fields: item.fields ?? [:])
                filled.count = item.count
                filled.lastTime = item.lastTime
                findings[f].evidence[i] = filled
            }
        }
    }

    /// The display path and line of an item whose excerpt is to be re-read: a log item without one, or a state
    /// item, whose reproduction hint greps the line its state was read from. A `clock.skew` item is the timeline's
    /// own statement, placed at its first matched log line: it has no excerpt, held or not.
    private static func pending(_ item: FindingEvidence, files: [String: LogLineFile]) -> (String, Int)? {
        guard item.excerpt == nil || item.describesState, item.label != EventKind.clockSkew.rawValue,
            let source = item.source, case .line(let n) = source.location,
            let local = files[source.path], !local.localPath.isEmpty
        else { return nil }
        return (source.path, n)
    }
}
