import Foundation
import LicensingModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error — bytes and files done, rate, time left — redrawn at most ten times a
/// second and cleared at the end. Silent when standard error is not a terminal (pipes, files, CI logs).
final class ProgressBar: @unchecked Sendable {
    private let totalBytes: Int
    private let totalFiles: Int
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var lastDraw: UInt64 = 0
    private var filesDone = 0
    private var bytesBeforeFile = 0
    private var drawn = false

    /// A bar for `paths` (files and folders, sized recursively).
    init(paths: [String], enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
        var bytes = 0
        var files = 0
        if enabled {
            for p in paths {
                for (_, size) in Self.files(under: p) {
                    bytes += size
                    files += 1
                }
            }
        }
        totalBytes = max(bytes, 1)
        totalFiles = files
    }

    /// Bytes of the current file read so far.
    func update(bytesInFile: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        draw(done: bytesBeforeFile + bytesInFile, force: false)
    }

    /// One more file done, of `size` bytes.
    func fileDone(size: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        filesDone += 1
        bytesBeforeFile += size
        draw(done: bytesBeforeFile, force: true)
    }

    /// Removes the bar.
    func finish() {
        guard enabled, drawn else { return }
        lock.lock()
        defer { lock.unlock() }
        Self.emit("\r\u{1B}[K")
        drawn = false
    }

    private func draw(done: Int, force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        let done = min(done, totalBytes)
        let seconds = max(Double(now - started) / 1e9, 0.001)
        let rate = Double(done) / seconds
        let fraction = Double(done) / Double(totalBytes)
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let left = rate > 0 ? Double(totalBytes - done) / rate : 0
        let text = String(format: "\r[%@] %3.0f%%  %@ / %@  %d/%d files  %@/s  ETA %@\u{1B}[K", bar, fraction * 100,
                          Self.size(done), Self.size(totalBytes), filesDone, max(filesDone, totalFiles), Self.size(Int(rate)),
                          DurationFormat.compact.text(left))
        Self.emit(text)
        drawn = true
    }

    private static func emit(_ text: String) {
        var t = text
        t.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func size(_ n: Int) -> String {
        n >= 1_000_000_000 ? String(format: "%.1f GB", Double(n) / 1e9)
            : n >= 1_000_000 ? String(format: "%.0f MB", Double(n) / 1e6) : String(format: "%.0f kB", Double(n) / 1e3)
    }


    /// Regular files of `path` (itself, or everything under a folder) with their sizes.
    static func files(under path: String) -> [(String, Int)] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        func size(_ p: String) -> Int { ((try? fm.attributesOfItem(atPath: p))?[.size] as? NSNumber)?.intValue ?? 0 }
        guard isDir.boolValue else { return [(path, size(path))] }
        return (fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []).compactMap { f in
            let full = (path as NSString).appendingPathComponent(f)
            var sub: ObjCBool = false
            return fm.fileExists(atPath: full, isDirectory: &sub) && !sub.boolValue ? (full, size(full)) : nil
        }
    }
}
