import Foundation
import LicensingModel
import TextIngest

/// Re-reads log lines' text while a report is written (``LogLineFiles``): the JSON Lines timeline's excerpts and
/// printed timestamps, the findings' excerpts. Each file is read forward as its lines are asked for
/// (``LineTextReader``, one per file, a few open at once).
///
/// A file is re-read only if it is still the file the analysis read (``FileIdentity``); a file that changed, or
/// whose line no longer reads as an event line (it has no timestamp for a timed event), is left alone from then on:
/// its lines keep no text, and ``problems`` says so once per file (the command prints it as a warning).
public struct LogLineTexts {
    private let files: [String: LogLineFile]
    /// The open readers, most recently used last.
    private var open: [(path: String, reader: LineTextReader)] = []
    /// Files not re-read (any more).
    public private(set) var refused: Set<String>
    /// One sentence per file whose lines were not (all) re-read, in the order found.
    public private(set) var problems: [String]

    /// At most this many files are open at once (the least recently used is closed, and reopened if asked again).
    static let openFiles = 8

    init(files: [String: LogLineFile], problems: [String], refused: Set<String>) {
        self.files = files
        self.problems = problems
        self.refused = refused
    }

    /// Puts back the excerpt and printed timestamp of a log event read without them (an event whose time has no
    /// printed text and whose source is a line of a re-read file); other events are left as they are.
    public mutating func fill(_ event: inout Event) {
        guard let time = event.time, time.raw.isEmpty, case .line(let n) = event.source.location,
            files[event.source.path] != nil, let text = text(path: event.source.path, line: n)
        else { return }
        guard let stamp = text.stamp else {
            refuse(event.source.path, "line \(n) no longer holds the timestamp its event was read with")
            return
        }
        if event.excerpt == nil { event.excerpt = text.excerpt }
        event.time?.raw = stamp
    }

    /// The text of line `line` of the file shown as `path`; nil when it is not re-read (not a re-read file,
    /// changed since, or without that line).
    public mutating func text(path: String, line: Int) -> LineText? {
        guard !refused.contains(path) else { return nil }
        let slot: Int
        if let i = open.lastIndex(where: { $0.path == path }) {
            slot = i
        } else {
            guard let file = files[path], !file.localPath.isEmpty else { return nil }
            guard let identity = file.identity, FileIdentity(path: file.localPath) == identity else {
                refuse(path, "changed since it was analyzed")
                return nil
            }
            guard let reader = LineTextReader(path: file.localPath) else {
                refuse(path, "can no longer be opened")
                return nil
            }
            if open.count == Self.openFiles { open.removeFirst() }
            open.append((path, reader))
            slot = open.count - 1
        }
        if slot != open.count - 1 { open.append(open.remove(at: slot)) }
        guard let text = open[open.count - 1].reader.text(ofLine: line) else {
            refuse(path, "line \(line) is no longer in the file")
            return nil
        }
        return text
    }

    private mutating func refuse(_ path: String, _ why: String) {
        guard refused.insert(path).inserted else { return }
        open.removeAll { $0.path == path }
        problems.append("\(path): \(why); the text of its lines (excerpts, printed timestamps) is left out of the report")
    }
}
