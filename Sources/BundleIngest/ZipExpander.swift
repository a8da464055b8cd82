import Inflate
import LicensingModel

/// Expands a zip archive from its central directory (or, when that is missing, from its local headers):
/// stored and deflated members are extracted and checked (size, CRC-32); links, devices, encrypted members,
/// other methods, unsafe names and bombs are refused.
enum ZipExpander {
    /// What one member did to the archive as a whole.
    private enum MemberEffect {
        case fine
        case damaged(InventoryReason)
        case stop(InventoryReason)
    }

    /// Expands `file`; returns the archive's damage (empty when none).
    static func expand(
        _ file: RandomAccessFile, archive: String, depth: Int, session: inout ExtractionSession
    ) -> [InventoryReason] {
        var damages: [InventoryReason] = []
        let listing: ZipDirectory.Listing
        do {
            switch try ZipDirectory.read(file, maxEntries: session.limits.maxEntries) {
            case .success(let found):
                listing = found
            case .failure(let failure):
                damages.append(.recoveredFromLocalHeaders(failure.problem))
                listing = try ZipLocalHeader.scan(
                    file, maxMemberBytes: session.limits.maxEntryBytes, maxRatio: session.limits.maxCompressionRatio)
            }
        } catch {
            return [.cannotRead(ReadFailure(error))]
        }
        if let damage = listing.damage { damages.append(.zipStructure(damage)) }
        let overlapping = overlappingMembers(listing.members)
        for (index, member) in listing.members.enumerated() {
            if overlapping.contains(index) {
                // Counted like any member: millions of entries pointing at one header must still hit the limit.
                if let stop = session.admitMember(at: member.localHeaderOffset) {
                    damages.append(stop)
                    return damages
                }
                let display = session.memberDisplayPath(archive: archive, path: member.name)
                session.recordRefused(
                    display,
                    reason: .overlappingData, size: member.uncompressedSize)
                damages.append(.membersShareData)
                continue
            }
            switch extract(member, file: file, archive: archive, depth: depth, session: &session) {
            case .fine: continue
            case .damaged(let reason): damages.append(reason)
            case .stop(let reason):
                damages.append(reason)
                return damages
            }
        }
        return damages
    }

    /// Members whose bytes (local header and compressed data) overlap an earlier member's: a valid archive never
    /// shares data between members; overlapping ones multiply the output of a small file.
    static func overlappingMembers(_ members: [ZipMember]) -> Set<Int> {
        let order = members.indices.filter { members[$0].kind != .directory }
            .sorted { members[$0].localHeaderOffset < members[$1].localHeaderOffset }
        var out = Set<Int>()
        var end = Int.min
        for i in order {
            let m = members[i]
            if m.localHeaderOffset < end { out.insert(i) }
            // Sizes and offsets are read from the archive (ZIP64: up to Int.max), so every sum saturates.
            let span = m.compressedSize > Int.max - 30 ? Int.max : 30 + max(0, m.compressedSize)
            let (sum, overflow) = m.localHeaderOffset.addingReportingOverflow(span)
            end = max(end, overflow ? Int.max : sum)
        }
        return out
    }

    private static func extract(
        _ member: ZipMember, file: RandomAccessFile, archive: String, depth: Int, session: inout ExtractionSession
    ) -> MemberEffect {
        if member.kind == .directory { return .fine }
        if let stop = session.admitMember(at: member.localHeaderOffset) { return .stop(stop) }
        let path: String
        switch MemberPath.check(member.name) {
        case .refused(let reason):
            let display = session.memberDisplayPath(archive: archive, path: member.name)
            session.recordRefused(display, reason: reason)
            return .fine
        case .empty:
            return .fine
        case .relative(let relative):
            path = relative
        }
        let display = session.memberDisplayPath(archive: archive, path: path, stored: member.name)
        if MemberPath.isMacMetadata(path) {
            session.recordSkipped(display, reason: .macMetadata, size: member.uncompressedSize)
            return .fine
        }
        if case .special(let special) = member.kind {
            // Passed over as in a folder: the member holds no collected bytes, so nothing is lost.
            session.recordSkipped(display, reason: .notRegularFile(special), size: member.uncompressedSize)
            return .fine
        }
        if let refusal = refusal(member, session: session) {
            session.recordRefused(display, reason: refusal, size: member.uncompressedSize)
            return .fine
        }
        guard let header = try? ZipLocalHeader(file: file, offset: member.localHeaderOffset) else {
            let reason = InventoryReason.noLocalHeader(offset: member.localHeaderOffset)
            session.recordUnreadable(display, reason: reason)
            return .damaged(.member(path: path, reason))
        }
        session.memberDate = member.modified ?? header.member.modified
        session.memberWallTime = session.memberDate == nil ? member.dosTime ?? header.member.dosTime : nil
        return copy(member, dataOffset: header.dataOffset, file: file, path: path, display: display,
                    depth: depth, session: &session)
    }

    /// Why `member` must not be extracted, judged from its directory record alone.
    private static func refusal(_ member: ZipMember, session: ExtractionSession) -> InventoryReason? {
        switch member.kind {
        case .symlink: return .link(hard: false, target: nil)
        case .regular, .directory, .special: break
        }
        if member.isEncrypted { return .encrypted }
        guard member.method == 0 || member.method == 8 else { return .unsupportedMethod(member.methodName) }
        if let reason = session.sizeRefusal(declared: member.uncompressedSize) { return reason }
        let limits = session.limits
        if member.method == 8, member.uncompressedSize > limits.ratioGraceBytes,
            member.uncompressedSize / max(member.compressedSize, 1) > limits.maxCompressionRatio
        {
            return .declaredRatioOverLimit(
                limit: limits.maxCompressionRatio, declared: member.uncompressedSize, compressed: member.compressedSize)
        }
        return nil
    }

    private static func copy(
        _ member: ZipMember, dataOffset: Int, file: RandomAccessFile, path: String, display: String, depth: Int,
        session: inout ExtractionSession
    ) -> MemberEffect {
        let (sum, overflow) = dataOffset.addingReportingOverflow(member.compressedSize)
        let dataEnd = overflow ? Int.max : sum
        let cutShort = dataEnd > file.size
        var writer: ExtractedFileWriter
        var reader: ChunkedFileReader
        do {
            writer = try session.makeWriter(
                for: path, compressedSize: member.method == 8 ? member.compressedSize : nil,
                declaredSize: member.uncompressedSize)
            let budget = session.budget(compressedSize: nil).maxBytes
            reader = try ChunkedFileReader(
                file: file, range: dataOffset..<min(dataEnd, file.size),
                encoding: member.method == 8 ? .compressed(.rawDeflate) : .plain,
                maxDecompressedBytes: budget == .max ? .max : budget + 1)
        } catch {
            session.recordRefused(display, reason: ExtractionLimitReached.reason(error))
            return .fine
        }
        var outcome = MemberOutcome.pump(&reader, into: &writer)
        if outcome == .complete {
            if cutShort {
                outcome = .damaged([.dataCutShort])
            } else if writer.size != member.uncompressedSize {
                outcome = .damaged([.sizeMismatch(extracted: writer.size, declared: member.uncompressedSize)])
            } else if writer.crc.value != member.crc {
                outcome = .damaged([.crcMismatch])
            }
        }
        session.finishMember(writer, displayPath: display, depth: depth, outcome: outcome)
        if case .damaged(let reasons) = outcome, let first = reasons.first { return .damaged(.member(path: path, first)) }
        return .fine
    }
}
