import Foundation
import Inflate
import LicensingModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of one `BundleReader.open` call: limits, counters, the private work directory, and the entries and
/// inventory built so far. Expanders call back into it for every member they meet.
struct ExtractionSession {
    let limits: BundleLimits
    /// The caller's directory, under which the private work directory is created on first need.
    let parentDirectory: String
    private(set) var workDirectory: String?
    private var workDirectoryFailure: InventoryReason?
    private(set) var entries: [BundleEntry] = []
    private(set) var inventory: [InventoryItem] = []
    private var extractedBytes = 0
    private var membersSeen = 0
    private var fileCounter = 0
    /// The archive header's UTC date of the member being extracted (set by the expander, used by `finishMember`).
    var memberDate: Date?
    /// The member's zone-less wall time (a zip DOS date without a UTC extra field), likewise.
    var memberWallTime: ArchiveWallTime?
    /// The dates of the member `recordFile` is about to record (nil for loose files).
    private(set) var recordingMemberDate: Date?
    private(set) var recordingMemberWallTime: ArchiveWallTime?
    /// Display paths given to archive members so far, and the last repeat number used for each repeated one.
    private var memberPathRepeats: [String: Int] = [:]
    /// Members' names as their archives store them, by display path, where they differ from the shown path.
    private(set) var storedNames: [String: String] = [:]
    /// The wall-time limit of the outermost archive being expanded, started with it (nil outside archives).
    private var archiveLimit: WallTimeLimit?
    /// How many leading bytes of each file are read (at least a tar header block, for the archive sniff).
    let headLength: Int
    /// Told each readable entry as it is recorded, with its first ``headLength`` bytes.
    let onEntry: ((BundleEntry, [UInt8]) -> Void)?

    init(
        limits: BundleLimits, parentDirectory: String, headLength: Int = TarHeader.blockSize,
        onEntry: ((BundleEntry, [UInt8]) -> Void)? = nil
    ) {
        self.limits = limits
        self.parentDirectory = parentDirectory
        self.headLength = max(headLength, TarHeader.blockSize)
        self.onEntry = onEntry
    }

    /// Everything opened so far.
    var result: OpenedBundle { OpenedBundle(entries: entries, inventory: inventory, workDirectory: workDirectory) }

    /// Bytes that may still be extracted before the total limit.
    var remainingTotal: Int { max(0, limits.maxTotalBytes - extractedBytes) }

    // MARK: Recording

    mutating func record(_ item: InventoryItem) {
        var item = item
        item.storedName = storedNames[item.displayPath]
        inventory.append(item)
    }

    mutating func recordRefused(
        _ displayPath: String, reason: InventoryReason, size: Int = 0, fileClass: FileClass = .unknown
    ) {
        record(InventoryItem(displayPath: displayPath, size: size, fileClass: fileClass, status: .refused, reasons: [reason]))
    }

    mutating func recordSkipped(
        _ displayPath: String, reason: InventoryReason, size: Int = 0, fileClass: FileClass = .unknown
    ) {
        record(InventoryItem(displayPath: displayPath, size: size, fileClass: fileClass, status: .skipped, reasons: [reason]))
    }

    /// Records a file that could not be read, or a folder that could not be listed: damage, since what it held
    /// was never seen.
    mutating func recordUnreadable(_ displayPath: String, reason: InventoryReason, size: Int = 0, fileClass: FileClass = .unknown) {
        record(InventoryItem(
            displayPath: displayPath, size: size, fileClass: fileClass, status: .partlyUnreadable, reasons: [reason]))
    }

    /// Records a readable (possibly damaged) file as an entry and an inventory item, and hands the entry and its
    /// `head` on (``onEntry``); what it is, the readers decide.
    mutating func recordFile(displayPath: String, localPath: String, size: Int, damage: [InventoryReason], head: [UInt8]) {
        let (memberDate, wallTime) = (recordingMemberDate, recordingMemberWallTime)
        (recordingMemberDate, recordingMemberWallTime) = (nil, nil)
        var entry = BundleEntry(displayPath: displayPath, localPath: localPath, size: size, memberDate: memberDate)
        entry.memberWallTime = wallTime
        entries.append(entry)
        onEntry?(entry, head)
        var item = InventoryItem(
            displayPath: displayPath, size: size, fileClass: .file, status: damage.isEmpty ? .parsed : .partlyUnreadable,
            reasons: damage)
        item.memberDate = memberDate
        item.memberWallTime = wallTime
        record(item)
    }

    /// Records an archive: its inventory item comes before its members; `body` expands it and returns damage.
    /// The outermost archive's wall-time clock starts here; archives nested in it share its time.
    mutating func recordingArchive(
        _ displayPath: String, size: Int, inheritedDamage: [InventoryReason],
        _ body: (inout ExtractionSession) -> [InventoryReason]
    ) {
        let index = inventory.count
        record(InventoryItem(displayPath: displayPath, size: size, fileClass: .archive, status: .parsed))
        let outermost = archiveLimit == nil
        if outermost { archiveLimit = WallTimeLimit(.seconds(limits.maxSecondsPerArchive)) }
        defer { if outermost { archiveLimit = nil } }
        let damage = body(&self) + inheritedDamage
        if !damage.isEmpty {
            inventory[index].status = .partlyUnreadable
            inventory[index].reasons = damage
        }
    }

    /// The display path of an archive member, `archive!path`; a path the bundle already showed (two entries with
    /// one name) gets `[2]`, `[3]`… so each stays its own inventory item and source pointer (`#` would read as a
    /// capture frame number), and a name that itself ends in such a suffix always carries its number
    /// (``MemberCopy``), so the two never read the same. `stored`, the name as the archive holds it, is kept for the
    /// inventory when it differs from `path` (`./cm/slm.log` shown as `cm/slm.log`).
    mutating func memberDisplayPath(archive: String, path: String, stored: String? = nil) -> String {
        let base = archive + "!" + path
        // The repeat counter for each name keeps this constant-time per member, however many entries share it.
        let copy = (memberPathRepeats[base] ?? 0) + 1
        memberPathRepeats[base] = copy
        let display = archive + "!" + MemberCopy.display(name: path, copy: copy)
        if let stored, stored != path { storedNames[display] = stored }
        return display
    }

    // MARK: Limits

    /// Counts one archive member (at `offset` in its archive); the reason to stop the archive when there are too
    /// many, or when the outermost archive has taken longer than its wall-time limit (checked between members).
    mutating func admitMember(at offset: Int) -> InventoryReason? {
        membersSeen += 1
        if membersSeen > limits.maxEntries { return .tooManyMembers(limit: limits.maxEntries) }
        if archiveLimit?.isReached == true { return .timeLimit(seconds: limits.maxSecondsPerArchive, offset: offset) }
        return nil
    }

    /// The reason to refuse a member whose size is declared up front, or nil.
    func sizeRefusal(declared: Int) -> InventoryReason? {
        if declared > limits.maxEntryBytes { return .declaredSizeOverLimit(declared: declared, limit: limits.maxEntryBytes) }
        if declared > remainingTotal { return .totalLimitReached(limit: limits.maxTotalBytes) }
        return nil
    }

    /// The budget for the next extracted file.
    func budget(compressedSize: Int?) -> MemberBudget {
        MemberBudget(maxBytes: min(limits.maxEntryBytes, remainingTotal), compressedSize: compressedSize,
                     maxRatio: limits.maxCompressionRatio, ratioGraceBytes: limits.ratioGraceBytes)
    }

    /// The budget for a whole compressed stream (a tar.gz): only the total limit and the ratio apply.
    func streamBudget(compressedSize: Int?) -> MemberBudget {
        MemberBudget(maxBytes: remainingTotal, compressedSize: compressedSize,
                     maxRatio: limits.maxCompressionRatio, ratioGraceBytes: limits.ratioGraceBytes)
    }

    // MARK: Extraction

    /// A writer for a new file in the private work directory (created on first use).
    mutating func makeWriter(for memberPath: String, compressedSize: Int?, declaredSize: Int? = nil) throws -> ExtractedFileWriter {
        let directory = try ensureWorkDirectory()
        fileCounter += 1
        let counter = String(fileCounter)
        let name = String(repeating: "0", count: max(0, 6 - counter.count)) + counter + "-" + MemberPath.safeFileName(memberPath)
        var budget = budget(compressedSize: compressedSize)
        budget.declaredSize = declaredSize
        return try ExtractedFileWriter(localPath: directory + "/" + name, budget: budget, headLength: headLength)
    }

    /// Records an extracted member: classified (and expanded, if it is an archive) or refused.
    mutating func finishMember(_ writer: ExtractedFileWriter, displayPath: String, depth: Int, outcome: MemberOutcome) {
        writer.close()
        extractedBytes += writer.size
        // The member's own date, not the extraction's: on the extracted file, for whatever reads its date. A
        // zone-less DOS time is not written there (it is no instant until a zone is decided for it).
        (recordingMemberDate, recordingMemberWallTime) = (memberDate, memberWallTime)
        if let memberDate {
            try? FileManager.default.setAttributes([.modificationDate: memberDate], ofItemAtPath: writer.localPath)
        }
        (memberDate, memberWallTime) = (nil, nil)
        switch outcome {
        case .refused(let reason):
            try? FileManager.default.removeItem(atPath: writer.localPath)
            recordRefused(displayPath, reason: reason, size: writer.size)
        case .complete:
            addFile(localPath: writer.localPath, displayPath: displayPath, depth: depth, extracted: true, damage: [],
                    written: (writer.head, writer.size))
        case .damaged(let damage):
            addFile(localPath: writer.localPath, displayPath: displayPath, depth: depth, extracted: true,
                    damage: damage, written: (writer.head, writer.size))
        }
    }

    /// Dates the content a gzip file decompresses to: the gzip header's MTIME (the original file's, UTC) when it
    /// has one, else the dates of the archive member the gzip file was (nil for a loose one).
    mutating func adoptDecompressedDate(_ gzipTime: Date?) {
        if let gzipTime {
            (memberDate, memberWallTime) = (gzipTime, nil)
        } else {
            (memberDate, memberWallTime) = (recordingMemberDate, recordingMemberWallTime)
        }
    }

    private mutating func ensureWorkDirectory() throws -> String {
        if let workDirectory { return workDirectory }
        if let workDirectoryFailure { throw ExtractionLimitReached(reason: workDirectoryFailure) }
        do {
            try FileManager.default.createDirectory(atPath: parentDirectory, withIntermediateDirectories: true)
        } catch {
            workDirectoryFailure = .cannotCreateWorkDirectory(path: parentDirectory, message: error.localizedDescription)
        }
        var template = Array((parentDirectory + "/licscope-bundle-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard created != nil else {
            let reason = workDirectoryFailure ?? .cannotCreateWorkDirectory(path: parentDirectory, message: nil)
            workDirectoryFailure = reason
            throw ExtractionLimitReached(reason: reason)
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        workDirectory = path
        return path
    }
}
