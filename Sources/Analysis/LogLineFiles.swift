import Foundation
import BundleIngest
import TextIngest

/// A log whose lines' text the analysis did not hold per event: the file to re-read them from (an extracted archive
/// member, or the input itself) and what it was when the analysis read it.
public struct LogLineFile: Sendable, Equatable {
    /// The file read; empty when the display path is ambiguous (two same-named members) and nothing is re-read.
    public var localPath: String
    /// The file as the analysis found it before reading it (``FileIdentity``); a file that differs later is not
    /// re-read. Nil when it could not be told.
    public var identity: FileIdentity?

    /// Creates the record of `localPath`, its identity taken now.
    public init(localPath: String) {
        self.localPath = localPath
        identity = FileIdentity(path: localPath)
    }

    /// Two files shown under one display path: their lines cannot be told apart.
    static let ambiguous = LogLineFile(localPath: "", identity: nil)

    private init(localPath: String, identity: FileIdentity?) {
        self.localPath = localPath
        self.identity = identity
    }
}

/// The logs whose lines' text (excerpts and printed timestamps) an analysis re-reads for its report
/// (``AnalysisOptions/keepLogLineText`` false), kept readable as long as this value lives: the extracted archive
/// members stay on disk until the last copy of it is gone.
public struct LogLineFiles: Sendable {
    /// Display path → the file its lines are re-read from.
    public var files: [String: LogLineFile]
    /// What went wrong re-reading the findings' excerpts (a file changed since it was analyzed), one per file.
    public var problems: [String] = []
    /// The files not re-read any more, for those problems.
    var refused: Set<String> = []
    /// Removes the bundle's extracted files when the last copy is released.
    private let extracted: ExtractedFiles?

    /// Files re-read in place (no extracted members to keep).
    public init(files: [String: LogLineFile]) {
        self.files = files
        extracted = nil
    }

    init(files: [String: LogLineFile], keeping bundle: OpenedBundle) {
        self.files = files
        extracted = ExtractedFiles(bundle)
    }

    /// A reader of these files' lines for one report, starting with the problems found so far.
    public func texts() -> LogLineTexts { LogLineTexts(files: files, problems: problems, refused: refused) }

    /// Takes over what `texts` found (the findings' pass), so a later reader starts from it.
    mutating func keep(_ texts: LogLineTexts) {
        problems = texts.problems
        refused = texts.refused
    }
}

/// The owner of an opened bundle's private work directory: deletes it when released.
private final class ExtractedFiles: Sendable {
    let bundle: OpenedBundle
    init(_ bundle: OpenedBundle) { self.bundle = bundle }
    deinit { bundle.removeWorkDirectory() }
}
