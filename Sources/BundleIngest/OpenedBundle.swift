import Foundation
import LicensingModel

/// One readable file of a bundle, handed on to the readers with its metadata: a loose file, or a member extracted
/// from an archive (what it is, the readers recognise).
public struct BundleEntry: Sendable, Hashable {
    /// The path shown to users and used in source pointers (`bundle.zip!cm/trace/slm/log4j/slm.log`).
    public var displayPath: String
    /// Where the (decompressed) content can be read on this machine.
    public var localPath: String
    /// The content's size in bytes.
    public var size: Int
    /// The modification time the archive recorded in UTC for this member (zip extended-timestamp or NTFS extra
    /// field, tar mtime, gzip MTIME); nil for loose files and members without one.
    public var memberDate: Date?
    /// The zone-less wall time the archive recorded instead (a zip DOS date and time with no UTC extra field: the
    /// zipping host's local time); nil when ``memberDate`` is known or there is none.
    public var memberWallTime: ArchiveWallTime?

    /// Creates an entry.
    public init(displayPath: String, localPath: String, size: Int, memberDate: Date? = nil) {
        self.displayPath = displayPath
        self.localPath = localPath
        self.size = size
        self.memberDate = memberDate
    }
}

/// The result of opening a bundle: readable entries, the inventory of everything seen, and the private
/// directory holding extracted files (remove it with `removeWorkDirectory()` when done).
public struct OpenedBundle: Sendable {
    /// Every readable file, in a stable order (inputs in the order given, then directory/archive order).
    public var entries: [BundleEntry]
    /// Every file, archive and member seen, including refused and skipped ones.
    public var inventory: [InventoryItem]
    /// The private directory created for extracted files, or nil when nothing had to be extracted.
    public var workDirectory: String?

    /// Creates a bundle value.
    public init(entries: [BundleEntry], inventory: [InventoryItem], workDirectory: String?) {
        self.entries = entries
        self.inventory = inventory
        self.workDirectory = workDirectory
    }

    /// True when some input could not be read (refused, partly unreadable, or binary junk): exit code 3.
    public var hasUnreadableInput: Bool { inventory.contains { $0.isUnreadableInput } }

    /// The index of the inventory item for `displayPath`, to record lines/frames read or damage found later.
    public func inventoryIndex(of displayPath: String) -> Int? {
        inventory.firstIndex { $0.displayPath == displayPath }
    }

    /// Records what the parsing step read from `displayPath`: lines or frames, and damage it met (which makes
    /// the item partly unreadable, keeping any earlier reason). Unknown paths are ignored.
    public mutating func recordRead(of displayPath: String, linesRead: Int? = nil, framesRead: Int? = nil, damage: Damage? = nil) {
        guard let index = inventoryIndex(of: displayPath) else { return }
        if let linesRead { inventory[index].linesRead = linesRead }
        if let framesRead { inventory[index].framesRead = framesRead }
        if let damage {
            inventory[index].status = .partlyUnreadable
            inventory[index].reasons.append(.readerDamage(damage))
        }
    }

    /// Deletes the private work directory and everything extracted into it. Safe to call more than once.
    public func removeWorkDirectory() {
        guard let workDirectory else { return }
        try? FileManager.default.removeItem(atPath: workDirectory)
    }
}
