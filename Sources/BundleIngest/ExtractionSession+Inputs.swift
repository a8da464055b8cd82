import Foundation
import Inflate
import LicensingModel

/// Walking inputs: folders, loose files, and dispatching archives to their expanders.
extension ExtractionSession {
    /// Adds one path given by the user: a folder (walked), a file, or an archive (expanded); a file is shown as
    /// `displayPath`.
    mutating func addInput(_ path: String, displayPath: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            recordRefused(path, reason: .noSuchFile)
            return
        }
        if let special = SpecialFile.kind(path) {
            // Named by the user, so meant to be read: refused, not passed over.
            recordRefused(path, reason: .notRegularFile(special))
        } else if isDirectory.boolValue {
            addDirectory(path)
        } else {
            addFile(localPath: path, displayPath: displayPath, depth: 0, extracted: false, damage: [])
        }
    }

    /// Walks a folder in name order. Symbolic links inside it are refused, not followed; FIFOs, devices and sockets
    /// are skipped with their kind, never opened (they hold no collected bytes, so nothing is lost); a file or
    /// folder that cannot be read is damage (what it held is lost).
    mutating func addDirectory(_ path: String) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            // Damage, not a skip: the files in it were never seen, so the analysis is incomplete.
            recordUnreadable(path, reason: .cannotListDirectory((error as NSError).localizedDescription))
            return
        }
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            if isOwnWorkDirectory(child) { continue }
            // `lstat` first: a FIFO must be known as one before anything opens it.
            if let special = SpecialFile.kind(child, followingLinks: false) {
                recordSkipped(child, reason: .notRegularFile(special))
                continue
            }
            let type = (try? FileManager.default.attributesOfItem(atPath: child))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                addDirectory(child)
            case .typeRegular?:
                if MemberPath.isMacMetadata(child) {
                    recordSkipped(child, reason: .macMetadata)
                } else {
                    addFile(localPath: child, displayPath: child, depth: 0, extracted: false, damage: [])
                }
            case .typeSymbolicLink?:
                recordRefused(child, reason: .symbolicLinkNotFollowed)
            case nil:
                // Gone, or its attributes cannot be read: it was there and is not read, so evidence may be lost.
                addFile(localPath: child, displayPath: child, depth: 0, extracted: false, damage: [])
            default:
                recordSkipped(child, reason: .notRegularFile(.other))
            }
        }
    }

    /// True for the private directory this session extracts into (when the caller put it inside an input folder).
    private func isOwnWorkDirectory(_ path: String) -> Bool {
        guard let workDirectory else { return false }
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(path) == canonical(workDirectory)
    }

    /// Adds a file on disk (a loose input or an extracted member at nesting `depth`): archives are expanded
    /// (and, when extracted, deleted afterwards), everything else is recorded for the readers. Its first
    /// ``headLength`` bytes are read once (for an extracted member, `written` holds them and the size: the file is
    /// not opened again) and serve both the archive sniff and the readers' recognition.
    mutating func addFile(
        localPath: String, displayPath: String, depth: Int, extracted: Bool, damage: [InventoryReason],
        written: (head: [UInt8], size: Int)? = nil
    ) {
        var file: RandomAccessFile?
        let head: [UInt8]
        let size: Int
        do {
            if let written {
                (head, size) = written
            } else {
                let opened = try RandomAccessFile(path: localPath)
                (file, head, size) = (opened, try opened.read(at: 0, count: headLength), opened.size)
            }
            guard let format = ArchiveFormat.sniff(head[...]) else {
                recordFile(displayPath: displayPath, localPath: localPath, size: size, damage: damage, head: head)
                return
            }
            let archive = try file ?? RandomAccessFile(path: localPath)
            expandArchive(format, file: archive, displayPath: displayPath, depth: depth, damage: damage)
        } catch {
            recordUnreadable(displayPath, reason: .cannotRead(ReadFailure(error)))
        }
        if extracted { try? FileManager.default.removeItem(atPath: localPath) }
    }

    private mutating func expandArchive(
        _ format: ArchiveFormat, file: RandomAccessFile, displayPath: String, depth: Int, damage: [InventoryReason]
    ) {
        if case .unsupported(let name) = format {
            recordRefused(displayPath, reason: .unsupportedArchiveFormat(name), size: file.size, fileClass: .archive)
            return
        }
        guard depth < limits.maxDepth else {
            recordRefused(displayPath, reason: .nestedTooDeep(maxDepth: limits.maxDepth), size: file.size,
                          fileClass: .archive)
            return
        }
        let inner = depth + 1
        switch format {
        case .zip:
            recordingArchive(displayPath, size: file.size, inheritedDamage: damage) { session in
                ZipExpander.expand(file, archive: displayPath, depth: inner, session: &session)
            }
        case .tar:
            recordingArchive(displayPath, size: file.size, inheritedDamage: damage) { session in
                TarExpander.expand(file, archive: displayPath, depth: inner, session: &session)
            }
        case .gzip:
            GzipExpander.expand(file, displayPath: displayPath, depth: inner, inheritedDamage: damage, session: &self)
        case .unsupported:
            break
        }
    }
}
