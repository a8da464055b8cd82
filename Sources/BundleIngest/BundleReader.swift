/// Opens what a customer uploaded — folders, zip, tar, tar.gz/tgz, gz, loose files, archives inside archives —
/// into readable entries and an inventory of everything seen.
///
/// One bad archive never stops the others: damage becomes an inventory item with a reason, and the readable
/// members of a damaged archive are still extracted. Extracted files go to a private directory created under
/// `workDirectory` (see `OpenedBundle.workDirectory`; remove it with `removeWorkDirectory()`).
public enum BundleReader {
    /// Opens every path in order. Never throws: every problem is an inventory item. `displayNames` renames inputs
    /// in the inventory and in member paths (standard input spooled to a file is shown as `<stdin>`). `onEntry`
    /// is told each readable entry as it is recorded, with its first `headLength` bytes (fewer for a shorter file):
    /// the bytes the archive sniff looked at, read once — an extracted member's come from what was written — so
    /// recognition need not open the file again.
    public static func open(
        paths: [String], workDirectory: String, limits: BundleLimits = .default, displayNames: [String: String] = [:],
        headLength: Int = 512, onEntry: ((BundleEntry, [UInt8]) -> Void)? = nil
    ) -> OpenedBundle {
        var session = ExtractionSession(
            limits: limits, parentDirectory: workDirectory, headLength: headLength, onEntry: onEntry)
        for path in paths { session.addInput(path, displayPath: displayNames[path] ?? path) }
        return session.result
    }
}
