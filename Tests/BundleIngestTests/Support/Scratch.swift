import BundleIngest
import Foundation

/// A temporary directory per test, holding inputs and the work directory; removed by `remove()`.
struct Scratch {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Where `BundleReader.open` may create its private directory.
    var work: String { root + "/work" }

    /// Writes `bytes` at `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let path = root + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

    /// Writes `bytes` as `name` and opens it as a bundle (the work directory lives inside the scratch root).
    func open(_ name: String, _ bytes: [UInt8], limits: BundleLimits = .default) throws -> (path: String, bundle: OpenedBundle) {
        let path = try write(name, bytes)
        return (path, BundleReader.open(paths: [path], workDirectory: work, limits: limits))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Reads a file's bytes (empty when unreadable, which then fails the comparing expectation).
func contents(_ path: String) -> [UInt8] {
    (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
}

extension OpenedBundle {
    /// The inventory item for `displayPath`.
    func item(_ displayPath: String) -> InventoryItem? { inventory.first { $0.displayPath == displayPath } }
}
