import Inflate
import LicensingModel

/// Reads a tar stream (plain, or gzip'd through `ByteStream`) member by member: regular files are extracted;
/// links, devices and unsafe names are refused; GNU long names and pax headers are honoured.
enum TarExpander {
    /// Expands a plain tar file; returns the archive's damage (empty when none).
    static func expand(
        _ file: RandomAccessFile, archive: String, depth: Int, session: inout ExtractionSession
    ) -> [InventoryReason] {
        do {
            let reader = try ChunkedFileReader(file: file, range: 0..<file.size, encoding: .plain)
            var stream = ByteStream(reader: reader, initial: [], budget: session.streamBudget(compressedSize: nil))
            return expand(&stream, archive: archive, depth: depth, session: &session)
        } catch {
            return [.cannotRead(ReadFailure(error))]
        }
    }

    /// Expands the tar in `stream`; returns the archive's damage (empty when none).
    static func expand(
        _ stream: inout ByteStream, archive: String, depth: Int, session: inout ExtractionSession
    ) -> [InventoryReason] {
        do {
            return try readEntries(&stream, archive: archive, depth: depth, session: &session).map { [$0] } ?? []
        } catch let limit as ExtractionLimitReached {
            return [.stopped(limit.reason)]
        } catch {
            return [.damagedAt(offset: stream.offset, ReadFailure(error))]
        }
    }

    /// Names and sizes announced by metadata entries for the entry that follows them.
    private struct Pending {
        var path: String?
        var linkPath: String?
        var size: Int?
    }

    private static func readEntries(
        _ stream: inout ByteStream, archive: String, depth: Int, session: inout ExtractionSession
    ) throws -> InventoryReason? {
        var pending = Pending()
        while true {
            let headerOffset = stream.offset
            let block = try stream.read(TarHeader.blockSize)
            if block.isEmpty { return nil }
            if block.count < TarHeader.blockSize { return .truncatedTarHeader(offset: headerOffset) }
            if TarHeader.isEndBlock(block[...]) { return nil }
            guard let header = TarHeader(block[...]) else {
                return .invalidTarHeader(offset: headerOffset)
            }
            let size = pending.size ?? header.size
            switch header.kind {
            case .gnuLongName, .gnuLongLinkName, .paxExtended, .paxGlobal:
                guard size <= 1 << 20 else { return .oversizedTarMetadata(offset: headerOffset) }
                let data = try stream.read(size)
                guard data.count == size, try stream.skip(TarHeader.paddedSize(size) - size) >= 0 else {
                    return .archiveEndsInMetadata(offset: headerOffset)
                }
                absorb(header.kind, data: data, into: &pending)
                continue
            default:
                break
            }
            let name = pending.path ?? header.name
            let link = pending.linkPath ?? header.linkName
            pending = Pending()
            session.memberDate = header.modified
            if let stop = try member(header.kind, name: name, link: link, size: size, stream: &stream,
                                     archive: archive, depth: depth, session: &session) {
                return stop
            }
            _ = try stream.skip(TarHeader.paddedSize(size) - size)
        }
    }

    private static func absorb(_ kind: TarHeader.Kind, data: [UInt8], into pending: inout Pending) {
        let text = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
        switch kind {
        case .gnuLongName: pending.path = text
        case .gnuLongLinkName: pending.linkPath = text
        case .paxExtended:
            let attributes = PaxAttributes(data)
            pending.path = attributes.path ?? pending.path
            pending.linkPath = attributes.linkPath ?? pending.linkPath
            pending.size = attributes.size ?? pending.size
        default: break
        }
    }

    /// Handles one non-metadata entry and consumes its data (not its padding); returns a reason to stop the archive.
    private static func member(
        _ kind: TarHeader.Kind, name: String, link: String, size: Int, stream: inout ByteStream,
        archive: String, depth: Int, session: inout ExtractionSession
    ) throws -> InventoryReason? {
        if kind == .directory {
            _ = try stream.skip(size)
            return nil
        }
        if let stop = session.admitMember(at: stream.offset) { return stop }
        if case .special(let special) = kind {
            // Passed over as in a folder: the entry holds no collected bytes, so nothing is lost.
            session.recordSkipped(session.memberDisplayPath(archive: archive, path: name), reason: .notRegularFile(special))
            _ = try stream.skip(size)
            return nil
        }
        let refusal: InventoryReason?
        switch kind {
        case .symlink: refusal = .link(hard: false, target: link)
        case .hardlink: refusal = .link(hard: true, target: link)
        case .other(let flag): refusal = .unsupportedTarType(String(flag))
        default: refusal = nil
        }
        if let refusal {
            let display = session.memberDisplayPath(archive: archive, path: name)
            session.recordRefused(display, reason: refusal)
            _ = try stream.skip(size)
            return nil
        }
        let path: String
        switch MemberPath.check(name) {
        case .refused(let reason):
            let display = session.memberDisplayPath(archive: archive, path: name)
            session.recordRefused(display, reason: reason)
            _ = try stream.skip(size)
            return nil
        case .empty:
            _ = try stream.skip(size)
            return nil
        case .relative(let relative):
            path = relative
        }
        let memberDisplay = session.memberDisplayPath(archive: archive, path: path, stored: name)
        if MemberPath.isMacMetadata(path) {
            session.recordSkipped(memberDisplay, reason: .macMetadata, size: size)
            _ = try stream.skip(size)
            return nil
        }
        if let reason = session.sizeRefusal(declared: size) {
            session.recordRefused(memberDisplay, reason: reason, size: size)
            _ = try stream.skip(size)
            return nil
        }
        return try extract(path: path, display: memberDisplay, size: size, stream: &stream, depth: depth, session: &session)
    }

    private static func extract(
        path: String, display: String, size: Int, stream: inout ByteStream, depth: Int, session: inout ExtractionSession
    ) throws -> InventoryReason? {
        var writer = try session.makeWriter(for: path, compressedSize: nil)
        let start = stream.offset
        var outcome = MemberOutcome.complete
        var archiveDamage: InventoryReason?
        do {
            let copied = try stream.consume(size) { try writer.write($0) }
            if copied < size {
                outcome = .damaged([.truncatedMember(copied: copied, declared: size)])
                archiveDamage = .archiveEndsInside(path: path)
            }
        } catch let limit as ExtractionLimitReached where !limit.stopsArchive {
            outcome = .refused(limit.reason)
            _ = try stream.skip(size - (stream.offset - start))
        } catch let limit as ExtractionLimitReached {
            outcome = .damaged([.stopped(limit.reason)])
            archiveDamage = .stopped(limit.reason)
        } catch {
            outcome = .damaged([.readFailed(ReadFailure(error))])
            archiveDamage = .damagedAt(offset: stream.offset, ReadFailure(error))
        }
        session.finishMember(writer, displayPath: display, depth: depth, outcome: outcome)
        return archiveDamage
    }
}
