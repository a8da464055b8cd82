import Foundation
import Inflate

/// Expands a gzip file: a gzip'd tar (`.tar.gz`, `.tgz`) is read as a tar, streaming; anything else is
/// decompressed to one file shown under the gzip file's own name (the gzip layer is transparent) and classified
/// by its decompressed content.
enum GzipExpander {
    static func expand(
        _ file: RandomAccessFile, displayPath: String, depth: Int, inheritedDamage: [InventoryReason],
        session: inout ExtractionSession
    ) {
        let streamBudget = session.streamBudget(compressedSize: file.size)
        var reader: ChunkedFileReader
        let first: [UInt8]
        do {
            reader = try ChunkedFileReader(
                file: file, range: 0..<file.size, encoding: .compressed(.gzip),
                maxDecompressedBytes: streamBudget.maxBytes == .max ? .max : streamBudget.maxBytes + 1)
            first = try reader.next() ?? []
        } catch {
            session.record(InventoryItem(displayPath: displayPath, size: file.size, fileClass: .archive,
                                         status: .partlyUnreadable, reasons: [.gzip(ReadFailure(error))]))
            return
        }
        if TarHeader.isHeaderBlock(first.prefix(TarHeader.blockSize)) {
            let stream = ByteStream(reader: reader, initial: first, budget: streamBudget)
            session.recordingArchive(displayPath, size: file.size, inheritedDamage: inheritedDamage) { session in
                var stream = stream
                return TarExpander.expand(&stream, archive: displayPath, depth: depth, session: &session)
            }
            return
        }
        let writer: ExtractedFileWriter
        do {
            // The local copy is decompressed, so it must not keep the `.gz` name: readers that check a `.gz` name
            // against gzip magic would otherwise call a valid gzip file "not gzip data".
            writer = try session.makeWriter(for: decompressedName(displayPath), compressedSize: file.size)
        } catch {
            session.recordRefused(displayPath, reason: ExtractionLimitReached.reason(error))
            return
        }
        var output = writer
        session.adoptDecompressedDate(gzipModificationTime(file))
        var outcome: MemberOutcome
        do {
            try output.write(first)
            outcome = MemberOutcome.pump(&reader, into: &output)
        } catch {
            outcome = .refused(ExtractionLimitReached.reason(error))
        }
        session.finishMember(output, displayPath: displayPath, depth: depth, outcome: outcome.adding(inheritedDamage))
    }

    /// The header's MTIME (bytes 4–7: Unix seconds, UTC; 0 when not recorded, as `gzip -n` writes).
    static func gzipModificationTime(_ file: RandomAccessFile) -> Date? {
        guard let header = try? file.read(at: 0, count: 8), let t = header.uint32LE(at: 4), t > 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(t))
    }

    /// `slm.log.1` for `slm.log.1.gz` (also `.gzip`, any case); other names unchanged.
    static func decompressedName(_ path: String) -> String {
        for suffix in [".gz", ".gzip"] where path.lowercased().hasSuffix(suffix) && path.count > suffix.count {
            return String(path.dropLast(suffix.count))
        }
        return path
    }
}
