import Foundation
import Inflate

/// What one input file is, for the commands that read files one by one (`events`, `packets`, `status`): the class
/// of its content, with gzip looked through. A gzip'd log keeps the log's class (the log readers inflate it
/// themselves); anything that must be expanded first — zip, tar, tar.gz, a gzip'd capture — is `.archive`.
public enum InputClassifier {
    /// The class of the file at `path`, or nil when it cannot be read.
    public static func classify(path: String, name: String? = nil) -> FileClass? {
        guard let file = try? RandomAccessFile(path: path),
            let prefix = try? file.read(at: 0, count: FileClassifier.prefixLength)
        else { return nil }
        let shown = name ?? path
        guard ArchiveFormat.sniff(prefix[...]) == .gzip else { return FileClassifier.classify(prefix: prefix, name: shown) }
        // Enough of the compressed head to classify what it holds (a damaged head reads as what could be inflated).
        let head = (try? file.read(at: 0, count: 256 << 10)) ?? prefix
        let inner = Inflate.decompressAvailable(head, format: .gzip, maxOutput: FileClassifier.prefixLength).bytes
        let innerClass = FileClassifier.classify(prefix: inner, name: shown)
        return innerClass == .archive || innerClass.isCapture ? .archive : innerClass
    }
}
