import Analysis
import ArgumentParser
import BundleIngest
import Foundation
import Inflate
import LicensingModel

/// One file a reading command reads, with the class its content shows.
struct InputFile {
    /// Where the bytes are (the file given, an extracted archive member, or the standard-input spool).
    var localPath: String
    /// What source pointers and messages call it: the path given, `bundle.zip!packets.cap`, or `<stdin>`.
    var displayPath: String
    /// What the content is and the reader that takes it, as the analysis's reader registry recognises it.
    var recognition: Recognition?
    /// Named on the command line (or `-`), not found inside a folder or an archive: a file given by name that a
    /// command cannot read counts as unreadable; one it only came across is skipped with a note.
    var named: Bool

    /// What the content is.
    var kind: ContentKind? { recognition?.kind }

    /// Why no reader takes the file, in the words of `analyze`'s inventory.
    var skipReason: String { recognition?.skipReason ?? "not recognised: its first bytes could not be read" }

    /// The file as the readers take it (of `kind`, or text no reader claimed).
    var entry: EvidenceEntry {
        EvidenceEntry(displayPath: displayPath, localPath: localPath, size: size, content: kind ?? .text)
    }

    /// The file's size in bytes (0 when it cannot be read).
    var size: Int { ((try? FileManager.default.attributesOfItem(atPath: localPath))?[.size] as? NSNumber)?.intValue ?? 0 }
}

/// The inputs of `events`, `packets` and `status`: `-` (standard input, spooled to the scratch directory), files,
/// folders and archives (zip, tar, tar.gz, gzip'd captures), each file recognised by content as `analyze` recognises
/// it. Folders and archives are opened by ``BundleReader`` as `analyze` opens them (folders walked in name order,
/// archives expanded into the scratch directory), so every command walks and classifies the same way, in the same
/// words (``InventoryReason``): a file that cannot be opened — named, or found in a folder — is damage (evidence lost,
/// exit 3); a symbolic link inside a folder is refused, not followed (damage); a FIFO, device or socket named on the
/// command line is refused (damage); one found in a folder or an archive is skipped with its kind, never opened (it
/// holds no collected bytes). A path that does not exist is a usage error (as on `analyze`).
final class CommandInputs {
    /// One input that is not read, and why.
    struct Note {
        /// The path as messages show it.
        var path: String
        /// Why it is not read (several for an archive, as its inventory line lists them).
        var reasons: [InventoryReason]

        /// Why, as the inventory writes it.
        var reason: String { InventoryReason.text(reasons) ?? "not read in full" }
        /// `path: reason`.
        var line: String { "\(path): \(reason)" }
    }

    /// Every readable file, in argument order.
    private(set) var files: [InputFile] = []
    /// What could not be read: refusals and damage met while opening or expanding (partly unreadable input).
    private(set) var problems: [Note] = []
    /// What was passed over with a reason: FIFOs, devices and sockets found in folders and archives (not damage).
    private(set) var skipped: [Note] = []
    private var scratch: ScratchDirectory?

    /// Gathers `paths`; `-` may appear once.
    init(_ paths: [String]) throws {
        guard paths.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("- (standard input) can be given only once") }
        for path in paths {
            if path == "-" {
                let spooled = try StandardInput.spool(into: try scratchPath())
                try add(named: spooled, display: StandardInput.displayName)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                try expand(path, display: path)
            } else {
                try add(named: path, display: path)
            }
        }
    }

    /// Removes what was extracted or spooled.
    func remove() {
        scratch?.remove()
        scratch = nil
    }

    private func scratchPath() throws -> String {
        if let scratch { return scratch.path }
        let made = try ScratchDirectory()
        scratch = made
        return made.path
    }

    /// Says on stderr what is not read — each problem, then each skip — and returns true when some input could not
    /// be read (exit code 3).
    func warnUnread() -> Bool {
        for problem in problems { Terminal.warn("licscope: \(problem.line)") }
        for skip in skipped { Terminal.warn("licscope: \(skip.path): skipped: \(skip.reason)") }
        return !problems.isEmpty
    }

    /// Adds a file named on the command line (or standard input's spool): an archive is expanded; a special file is
    /// refused without being opened (meant to be read, so not passed over).
    private func add(named file: String, display: String) throws {
        if let special = SpecialFile.kind(file) {
            problems.append(Note(path: display, reasons: [.notRegularFile(special)]))
            return
        }
        if let unreadable = Self.unreadable(file) {
            // A file that cannot be read is evidence lost: damage, as on `analyze`.
            problems.append(Note(path: display, reasons: [unreadable]))
            return
        }
        let recognition = EvidenceReaderRegistry.standard.recognise(path: file, name: display)
        guard recognition?.kind == .archive else {
            files.append(InputFile(localPath: file, displayPath: display, recognition: recognition, named: true))
            return
        }
        try expand(file, display: display)
    }

    /// Adds what the bundle layer finds in the archive or folder at `path` (shown as `display`), walked and
    /// classified as `analyze` walks and classifies it: links in folders are refused, not followed; FIFOs,
    /// devices and sockets in folders and archives are skipped with their kind; what cannot be read is damage.
    private func expand(_ path: String, display: String) throws {
        func shown(_ p: String) -> String { p.hasPrefix(path) ? display + p.dropFirst(path.count) : p }
        // Each member recognised from the head the bundle layer read for its archive sniff (no second read).
        let (bundle, recognised) = EvidenceReaderRegistry.standard.open(
            paths: [path], workDirectory: try scratchPath(), name: shown)
        for item in bundle.inventory where item.fileClass != .archive || item.isUnreadableInput {
            let note = Note(path: shown(item.displayPath), reasons: item.reasons)
            switch item.status {
            case .refused, .partlyUnreadable:
                problems.append(note)
            case .skipped:
                // A FIFO, device or socket is said (as on `analyze`'s inventory); macOS metadata is not evidence.
                if case .notRegularFile? = item.reasons.first { skipped.append(note) }
            case .parsed: break
            }
        }
        for r in recognised {
            files.append(InputFile(
                localPath: r.entry.localPath, displayPath: shown(r.entry.displayPath), recognition: r.recognition,
                named: false))
        }
    }

    /// Why the regular file at `path` cannot be read (opened as the bundle layer opens it, so the words are
    /// `analyze`'s), or nil when it can.
    static func unreadable(_ path: String) -> InventoryReason? {
        do { _ = try RandomAccessFile(path: path) } catch { return .cannotRead(ReadFailure(error)) }
        return nil
    }
}
