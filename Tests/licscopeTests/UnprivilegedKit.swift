import Foundation

/// A copy of the built binary with the package's `rules/` beside it, in a folder anyone may read, so a test can run
/// the binary as `nobody` (``BinaryRunner/run(_:environment:stdin:unprivileged:)``) wherever the checkout is: a
/// clone in a `mktemp -d` folder or under `/root` is not readable by `nobody`, and neither is the rules directory
/// the binary would otherwise find in the source tree. Made once per test process; left in the temporary folder.
struct UnprivilegedKit: Sendable {
    /// The folder holding the copy (mode 0755).
    let folder: URL
    /// The copied binary; its `rules/` sits next to it, where the binary looks for rules.
    let binary: URL

    private static let made: Result<UnprivilegedKit, any Error> = Result { try make() }

    /// The kit of this test process, made on first use.
    static func shared() throws -> UnprivilegedKit { try made.get() }

    private static func make() throws -> UnprivilegedKit {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("licscope-nobody-\(getpid())-\(UUID().uuidString)")
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("licscope")
        try fm.copyItem(at: BinaryRunner.binary, to: binary)
        try fm.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("rules"), to: folder.appendingPathComponent("rules"))
        // Readable and searchable by anyone, whatever the umask and the checkout's modes.
        for sub in try fm.subpathsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(sub).path
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            chmod(path, isDirectory.boolValue ? 0o755 : 0o644)
        }
        chmod(folder.path, 0o755)
        chmod(binary.path, 0o755)
        return UnprivilegedKit(folder: folder, binary: binary)
    }
}
