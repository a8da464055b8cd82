import Inflate
import LicensingModel

/// Expands a zip archive from its central directory (or, when that is missing, from its local headers):
/// stored and deflated members are extracted and checked (size, CRC-32); links, devices, encrypted members,
/// other methods, unsafe names and bombs are refused.
enum ZipExpander {
    /// What one member did to the archive as a whole.
    private enum MemberEffect {
        case fine
        case damaged(String)
        case stop(String)
    }

    /// Expands `file`; returns the archive's damage, if any.
    static func expand(_ file: RandomAccessFile, archive: String, depth: Int, session: inout ExtractionSession) -> String? {
        var damages: [String] = []
        let listing: ZipDirectory.Listing
        do {
            switch try ZipDirectory.read(file, maxEntries: session.limits.maxEntries) {
            case .success(let found):
                listing = found
            case .failure(let failure):
                damages.append(failure.reason + "; members recovered from local headers")
                listing = try ZipLocalHeader.scan(
                    file, maxMemberBytes: session.limits.maxEntryBytes, maxRatio: session.limits.maxCompressionRatio)
            }
        } catch {
            return "cannot read: \(error)"
        }
        if let damage = listing.damage { damages.append(damage) }
        let overlapping = overlappingMembers(listing.members)
        for (index, member) in listing.members.enumerated() {
            if overlapping.contains(index) {
                // Counted like any member: millions of entries pointing at one header must still hit the limit.
                if let stop = session.admitMember(at: member.localHeaderOffset) {
                    damages.append(stop)
                    return damages.joined(separator: "; ")
                }
                let display = session.memberDisplayPath(archive: archive, path: member.name)
                session.recordRefused(
                    display,
                    reason: "its data overlaps another member's (overlapping-entry zip bomb?)", size: member.uncompressedSize)
                damages.append("members share data")
                continue
            }
            switch extract(member, file: file, archive: archive, depth: depth, session: &session) {
            case .fine: continue
            case .damaged(let reason): damages.append(reason)
            case .stop(let reason):
                damages.append(reason)
                return damages.joined(separator: "; ")
            }
        }
        return damages.isEmpty ? nil : damages.joined(separator: "; ")
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
            session.recordSkipped(display, reason: "macOS Finder metadata", size: member.uncompressedSize)
            return .fine
        }
        if let refusal = refusal(member, session: session) {
            session.recordRefused(display, reason: refusal, size: member.uncompressedSize)
            return .fine
        }
        guard let header = try? ZipLocalHeader(file: file, offset: member.localHeaderOffset) else {
            let reason = "no local header at offset \(member.localHeaderOffset) (archive truncated or damaged)"
            session.record(InventoryItem(displayPath: display, size: 0, fileClass: .unknown,
                                         status: .partlyUnreadable, reason: reason))
            return .damaged("\(path): \(reason)")
        }
        session.memberDate = member.modified ?? header.member.modified
        session.memberWallTime = session.memberDate == nil ? member.dosTime ?? header.member.dosTime : nil
        return copy(member, dataOffset: header.dataOffset, file: file, path: path, display: display,
                    depth: depth, session: &session)
    }

    /// Why `member` must not be extracted, judged from its directory record alone.
    private static func refusal(_ member: ZipMember, session: ExtractionSession) -> String? {
        switch member.kind {
        case .symlink: return "symbolic link (links are refused)"
        case .special: return "device or special file"
        case .regular, .directory: break
        }
        if member.isEncrypted { return "encrypted member (password-protected)" }
        guard member.method == 0 || member.method == 8 else {
            return "unsupported compression method (\(member.methodName))"
        }
        if let reason = session.sizeRefusal(declared: member.uncompressedSize) { return reason }
        let limits = session.limits
        if member.method == 8, member.uncompressedSize > limits.ratioGraceBytes,
            member.uncompressedSize / max(member.compressedSize, 1) > limits.maxCompressionRatio
        {
            return "declared compression ratio above \(limits.maxCompressionRatio):1 "
                + "(\(member.uncompressedSize) bytes from \(member.compressedSize); decompression bomb?)"
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
            session.recordRefused(display, reason: (error as? ExtractionLimitReached)?.reason ?? "\(error)")
            return .fine
        }
        var outcome = MemberOutcome.pump(&reader, into: &writer)
        if outcome == .complete {
            if cutShort {
                outcome = .damaged(Damage("member data cut short at the end of the archive (truncated archive)", file: display))
            } else if writer.size != member.uncompressedSize {
                outcome = .damaged(Damage(
                    "size mismatch: \(writer.size) bytes extracted, \(member.uncompressedSize) declared", file: display))
            } else if writer.crc.value != member.crc {
                outcome = .damaged(Damage("CRC-32 mismatch (damaged data)", file: display))
            }
        }
        session.finishMember(writer, displayPath: display, depth: depth, outcome: outcome)
        if case .damaged(let damage) = outcome { return .damaged("\(path): \(damage.reason)") }
        return .fine
    }
}
