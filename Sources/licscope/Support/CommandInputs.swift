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
/// folders (walked recursively in name order) and archives (zip, tar, tar.gz, gzip'd captures — expanded into the
/// scratch directory by ``BundleReader``), each file recognised by content as `analyze` recognises it. A path that
/// does not exist is a usage error (as on `analyze`). Every command classifies what it cannot read as `analyze`'s
/// inventory does, in its words (``InventoryReason``): a file that cannot be opened — named, or found in a folder —
/// is damage (evidence lost, exit 3); a FIFO, device or socket named on the command line is refused (damage); one
/// found in a folder is skipped with its kind, never opened (it holds no collected bytes).
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
    /// What was passed over with a reason: FIFOs, devices and sockets found in folders (not damage).
    private(set) var skipped: [Note] = []
    private var scratch: ScratchDirectory?

    /// Gathers `paths`; `-` may appear once.
    init(_ paths: [String]) throws {
        guard paths.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("- (standard input) can be given only once") }
        for path in paths {
            if path == "-" {
                let spooled = try StandardInput.spool(into: try scratchPath())
                try add(file: spooled, display: StandardInput.displayName, named: true)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                for file in Self.walk(path) { try add(file: file, display: file, named: false) }
            } else {
                try add(file: path, display: path, named: true)
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

    private func add(file: String, display: String, named: Bool) throws {
        if let special = SpecialFile.kind(file) {
            // Never opened. Named: meant to be read, so refused; found in a folder: skipped with its kind.
            let note = Note(path: display, reasons: [.notRegularFile(special)])
            if named { problems.append(note) } else { skipped.append(note) }
            return
        }
        if let unreadable = Self.unreadable(file) {
            // Named or found in a folder, a file that cannot be read is evidence lost: damage, as on `analyze`.
            problems.append(Note(path: display, reasons: [unreadable]))
            return
        }
        let recognition = EvidenceReaderRegistry.standard.recognise(path: file, name: display)
        guard recognition?.kind == .archive else {
            files.append(InputFile(localPath: file, displayPath: display, recognition: recognition, named: named))
            return
        }
        func shown(_ p: String) -> String { p.hasPrefix(file) ? display + p.dropFirst(file.count) : p }
        // Each member recognised from the head the bundle layer read for its archive sniff (no second read).
        let (bundle, recognised) = EvidenceReaderRegistry.standard.open(
            paths: [file], workDirectory: try scratchPath(), name: shown)
        for item in bundle.inventory where item.fileClass != .archive || item.isUnreadableInput {
            let path = shown(item.displayPath)
            switch item.status {
            case .refused, .partlyUnreadable:
                problems.append(Note(path: path, reasons: item.reasons))
            case .skipped, .parsed: break  // not evidence (directories, metadata): nothing to say
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

    /// Files under `folder`, recursively, in name order.
    static func walk(_ folder: String) -> [String] {
        let fm = FileManager.default
        let names = (fm.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
        return names.compactMap { name in
            let full = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: full, isDirectory: &isDirectory) && !isDirectory.boolValue ? full : nil
        }
    }
}
