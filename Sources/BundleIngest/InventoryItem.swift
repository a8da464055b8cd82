import Foundation

/// One line of the inventory: every input file, archive and archive member appears once, with what became of it.
public struct InventoryItem: Sendable, Codable, Hashable {
    /// What became of the file.
    public enum Status: String, Sendable, Codable, Hashable {
        /// Read (or ready to be read) in full.
        case parsed
        /// Deliberately not read (binary junk, unrecognised text, a directory entry…); `reason` says why.
        case skipped
        /// Refused for safety or by a limit (path traversal, link, bomb, encrypted…); `reason` says why.
        case refused
        /// Read in part: damage or a limit stopped reading; `reason` says where.
        case partlyUnreadable
    }

    /// The file's path as the user sees it (`bundle.zip!cm/trace/slm/log4j/slm.log`).
    public var displayPath: String
    /// The file's size in bytes (decompressed content; for archives, the archive's size).
    public var size: Int
    /// What the content was recognised as.
    public var fileClass: FileClass
    /// What became of the file.
    public var status: Status
    /// Why it was skipped, refused or partly unreadable, in the order met (empty when parsed cleanly).
    public var reasons: [InventoryReason]
    /// The reasons as the inventory writes them (nil when there is none).
    public var reason: String? { InventoryReason.text(reasons) }
    /// Text lines read, filled in by the step that parses the file.
    public var linesRead: Int?
    /// Capture frames read, filled in by the step that parses the file.
    public var framesRead: Int?
    /// The archive member's own modification time in UTC, when it is one and its header has one.
    public var memberDate: Date?
    /// The member's zone-less wall time (zip DOS date and time) when no UTC time was recorded.
    public var memberWallTime: ArchiveWallTime?
    /// The member's name as its archive stores it, when that differs from the shown path (`./cm/slm.log`,
    /// `cm\slm.log`): what `tar` or `unzip` must be given to take it out.
    public var storedName: String?

    /// Creates an item.
    public init(
        displayPath: String, size: Int, fileClass: FileClass, status: Status, reasons: [InventoryReason] = [],
        linesRead: Int? = nil, framesRead: Int? = nil
    ) {
        self.displayPath = displayPath
        self.size = size
        self.fileClass = fileClass
        self.status = status
        self.reasons = reasons
        self.linesRead = linesRead
        self.framesRead = framesRead
    }

    /// True when this item means part of the input could not be read (exit code 3 or 4): refused or partly
    /// unreadable. Skipped files are intact, only not evidence (a screenshot, unrelated text): never damage.
    public var isUnreadableInput: Bool {
        switch status {
        case .refused, .partlyUnreadable: return true
        case .skipped, .parsed: return false
        }
    }
}
