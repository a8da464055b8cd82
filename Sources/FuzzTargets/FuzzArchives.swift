import BundleIngest
import Foundation

/// The archive target: the bytes are opened as a bundle with small limits (so one run stays fast), and the run
/// fails loudly when extracted files are left behind.
enum FuzzArchives {
    static let limits = BundleLimits(
        maxTotalBytes: 8 << 20, maxEntryBytes: 4 << 20, maxCompressionRatio: 200, ratioGraceBytes: 64 << 10,
        maxEntries: 1_000, maxDepth: 5)

    static func open(_ bytes: [UInt8]) {
        FuzzScratch.withFile("bundle.bin", bytes) { path in
            let work = FuzzScratch.directory + "/work"
            let bundle = BundleReader.open(paths: [path], workDirectory: work, limits: limits)
            bundle.removeWorkDirectory()
            let left = (try? FileManager.default.contentsOfDirectory(atPath: work)) ?? []
            precondition(left.isEmpty, "extracted files left behind: \(left)")
        }
    }
}
