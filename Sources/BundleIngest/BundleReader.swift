/// Opens what a customer uploaded — folders, zip, tar, tar.gz/tgz, gz, loose files, archives inside archives —
/// into readable entries and an inventory of everything seen.
///
/// One bad archive never stops the others: damage becomes an inventory item with a reason, and the readable
/// members of a damaged archive are still extracted. Extracted files go to a private directory created under
/// `workDirectory` (see `OpenedBundle.workDirectory`; remove it with `removeWorkDirectory()`).
public enum BundleReader {
    /// Opens every path in order. Never throws: every problem is an inventory item. `displayNames` renames inputs
    /// in the inventory and in member paths (standard input spooled to a file is shown as `<stdin>`).
    public static func open(
        paths: [String], workDirectory: String, limits: BundleLimits = .default, displayNames: [String: String] = [:]
    ) -> OpenedBundle {
        var session = ExtractionSession(limits: limits, parentDirectory: workDirectory)
        for path in paths { session.addInput(path, displayPath: displayNames[path] ?? path) }
        return session.result
    }
}
