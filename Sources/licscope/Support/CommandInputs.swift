import Analysis
import ArgumentParser
import BundleIngest
import Foundation
import LicensingModel

/// One file a reading command reads, with the class its content shows.
struct InputFile {
    /// Where the bytes are (the file given, an extracted archive member, or the standard-input spool).
    var localPath: String
    /// What source pointers and messages call it: the path given, `bundle.zip!packets.cap`, or `<stdin>`.
    var displayPath: String
    /// What the content is and the reader that takes it, as the analysis's reader registry recognises it; nil
    /// when the file could not be read.
    var recognition: Recognition?
    /// Named on the command line (or `-`), not found inside a folder or an archive: a file given by name that a
    /// command cannot read counts as unreadable; one it only came across is skipped with a note.
    var named: Bool

    /// What the content is; nil when the file could not be read.
    var kind: ContentKind? { recognition?.kind }

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
/// does not exist is a usage error (as on `analyze`); a file named on the command line that cannot be opened, or is
/// a FIFO, device or socket, is a problem.
final class CommandInputs {
    /// Every file, in argument order.
    private(set) var files: [InputFile] = []
    /// What could not be opened, one line each (`path: reason`): refusals and damage met while expanding.
    private(set) var problems: [String] = []
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

    private func add(file: String, display: String, named: Bool) throws {
        if let refusal = Self.refusal(file) {
            // Given by name: unreadable, said once here. Found in a folder: the command skips it with a note.
            if named { problems.append("\(display): \(refusal)") } else {
                files.append(InputFile(localPath: file, displayPath: display, recognition: nil, named: false))
            }
            return
        }
        let recognition = EvidenceReaderRegistry.standard.recognise(path: file, name: display)
        guard recognition?.kind == .archive else {
            files.append(InputFile(localPath: file, displayPath: display, recognition: recognition, named: named))
            return
        }
        func shown(_ p: String) -> String { p.hasPrefix(file) ? display + p.dropFirst(file.count) : p }
        // Each member recognised from the head the bundle layer read for its archive sniff (no second read).
        var recognised: [Recognition] = []
        let bundle = BundleReader.open(
            paths: [file], workDirectory: try scratchPath(), headLength: EvidenceReaderRegistry.prefixLength
        ) { entry, head in
            recognised.append(EvidenceReaderRegistry.standard.recognise(prefix: head, name: shown(entry.displayPath)))
        }
        for item in bundle.inventory where item.fileClass != .archive || item.isUnreadableInput {
            let path = shown(item.displayPath)
            switch item.status {
            case .refused, .partlyUnreadable: problems.append("\(path): \(item.reason ?? "not read in full")")
            case .skipped, .parsed: break  // not evidence (directories, metadata): nothing to say
            }
        }
        for (entry, recognition) in zip(bundle.entries, recognised) {
            files.append(
                InputFile(localPath: entry.localPath, displayPath: shown(entry.displayPath), recognition: recognition, named: false))
        }
    }

    /// Why `path` is not read: a special file (never opened), or the system's reason it cannot be opened; nil when
    /// it can be read.
    static func refusal(_ path: String) -> String? {
        if let refusal = SpecialFile.refusal(path) { return refusal }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return "cannot be opened: \(String(cString: strerror(errno)))" }
        close(fd)
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
