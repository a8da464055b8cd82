import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run leaves behind only if it ends normally: scratch directories (extracted archives, spooled standard
/// input) and `-o` files still being written. Each is registered while it exists; on SIGINT or SIGTERM, and on
/// every early exit (`Terminal.fail`, an error thrown to `main`), everything registered is removed, so an
/// interrupted or failed run leaves neither extracted bundles in the temporary folder nor a report that looks
/// complete and is not.
enum EarlyExitCleanup {
    /// What is removed: a whole tree, or one file.
    enum Item: Hashable {
        case tree(String)
        case file(String)
    }

    private nonisolated(unsafe) static var items: Set<Item> = []
    private nonisolated(unsafe) static var interrupts: InterruptHandler?
    private static let lock = NSLock()

    /// Registers `item`; while anything is registered, SIGINT and SIGTERM remove everything and exit 128 + signal.
    static func register(_ item: Item) {
        lock.lock()
        defer { lock.unlock() }
        items.insert(item)
        guard interrupts == nil else { return }
        interrupts = InterruptHandler { signalNumber in
            EarlyExitCleanup.removeAll()
            _exit(128 + signalNumber)
        }
    }

    /// Forgets `item` (it was removed or kept on purpose); the last one restores the default signal handling.
    static func unregister(_ item: Item) {
        lock.lock()
        defer { lock.unlock() }
        items.remove(item)
        guard items.isEmpty, let handler = interrupts else { return }
        handler.restore()
        interrupts = nil
    }

    /// Removes everything registered (just before an early exit). Signal handling stays as it is: the process is
    /// about to end.
    static func removeAll() {
        lock.lock()
        let doomed = items
        items.removeAll()
        lock.unlock()
        for item in doomed {
            switch item {
            case .tree(let path): removeTree(path)
            case .file(let path): unlink(path)
            }
        }
    }

    /// Removes `path` without racing an extractor still writing into it: the tree is first renamed away in one
    /// step (files created afterwards under the old path fail instead of landing in it), then deleted; the old path
    /// is deleted again in case it was re-created in between.
    static func removeTree(_ path: String) {
        let doomed = path + ".removing"
        if rename(path, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
        try? FileManager.default.removeItem(atPath: path)
    }
}
