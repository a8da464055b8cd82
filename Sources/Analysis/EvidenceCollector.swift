import Foundation
import BundleIngest
import LicensingModel
import PacketIngest
import Reports
import TextIngest
import Timeline

/// Reads each bundle entry with the reader the registry picks for it.
enum EvidenceCollector {
    /// Reads the entries of `bundle`, each `recognised` by the registry from the head the bundle layer read: what
    /// it is and which reader takes it (the bundle only unpacked; its inventory is taken from it).
    static func collect(_ bundle: OpenedBundle, recognised: [RecognisedEntry], options: AnalysisOptions) -> CollectedEvidence {
        var out = CollectedEvidence()
        var byPath: [String: AnalysisReport.InventoryEntry] = [:]
        var order: [String] = []
        // What the bundle says about its nodes' zones, before any zone-less source or member date is read.
        let zoneEvidence = BundleZones.evidence(recognised.map {
            EvidenceEntry(
                displayPath: $0.entry.displayPath, localPath: $0.entry.localPath, size: $0.entry.size,
                content: $0.recognition.kind)
        })
        let (dated, dateAssumptions) = MemberDates.resolve(recognised, evidence: zoneEvidence, resolver: options.zones)
        let entries = dated.map(\.entry)
        out.assumptions = dateAssumptions
        let resolvedDates = Dictionary(
            entries.compactMap { e in e.memberDate.map { (e.displayPath, $0) } }, uniquingKeysWith: { a, _ in a })
        let kinds = Dictionary(
            dated.map { ($0.entry.displayPath, $0.recognition) }, uniquingKeysWith: { a, _ in a })
        for item in bundle.inventory {
            var entry = AnalysisReport.InventoryEntry(
                path: item.displayPath, parsedAs: item.fileClass.rawValue, status: status(item.status), reason: item.reason,
                bytes: item.size)
            if item.fileClass == .file, let r = kinds[item.displayPath] {
                entry.parsedAs = r.kind.rawValue
                // Intact content that no reader takes (or that its reader finds nothing in, below) is skipped.
                if entry.status == .parsed && (r.reader == nil || r.kind == .text) {
                    entry.status = .skipped
                    entry.reason = r.skipReason
                }
            }
            entry.memberDate = item.memberDate ?? resolvedDates[item.displayPath]
            entry.storedName = item.storedName
            if byPath[item.displayPath] == nil { order.append(item.displayPath) }
            byPath[item.displayPath] = entry
        }
        let assigned = dated.map { d -> (EvidenceEntry, (any EvidenceReader)?) in
            let (e, r) = (d.entry, d.recognition)
            var entry = EvidenceEntry(displayPath: e.displayPath, localPath: e.localPath, size: e.size, content: r.kind)
            entry.memberDate = e.memberDate
            return (entry, r.reader)
        }
        let context = EvidenceReaderContext(options: options, yearHints: [], zoneEvidence: zoneEvidence)
        func taken(_ entry: EvidenceEntry, _ reading: EvidenceReading?) {
            var inv = byPath[entry.displayPath]
                ?? AnalysisReport.InventoryEntry(
                    path: entry.displayPath, parsedAs: entry.content.rawValue, status: .parsed, bytes: entry.size)
            if byPath[entry.displayPath] == nil { order.append(entry.displayPath) }
            if let reading, !reading.nothingFound { apply(reading, to: &inv, &out) }
            byPath[entry.displayPath] = inv
            options.entryRead?(entry.size)
        }
        // Lower passes first (CLI outputs: their printed years anchor yearless log lines), one pass at a time: its
        // entries are read together (on all cores when several are large), then applied in order.
        let passes = ReadingPasses(readers: assigned.map(\.1))
        _ = ReadingPasses.read(
            passes.batches, context: context,
            read: { batch, context in ParallelReads.read(batch.map { assigned[$0] }, context: context) },
            take: { i, reading in taken(assigned[i].0, reading) })
        // Entries no reader takes, last.
        for (entry, reader) in assigned where reader == nil { taken(entry, nil) }
        out.sources = CollectionPlacement.apply(
            RotationOrder.apply(out.sources, zones: out.timeZones), memberDates: resolvedDates)
        out.inventory = order.compactMap { byPath[$0] }
        out.partlyUnreadable = out.inventory.contains { $0.status == .partlyUnreadable || $0.status == .refused }
            || bundle.hasUnreadableInput
        return out
    }

    private static func apply(
        _ reading: EvidenceReading, to inv: inout AnalysisReport.InventoryEntry, _ out: inout CollectedEvidence
    ) {
        out.sources += reading.sources
        out.timeZones += reading.timeZones
        // Two members shown under one path (same-named zip members): their lines cannot be told apart, so none
        // is re-read (an empty path), rather than one file's line shown for the other's.
        out.excerptFiles.merge(reading.excerptFiles) { a, b in a == b ? a : .ambiguous }
        out.present.formUnion(reading.present)
        if inv.status == .skipped {
            inv.status = .parsed
            inv.reason = nil
        }
        inv.lines = reading.lines ?? inv.lines
        inv.frames = reading.frames ?? inv.frames
        inv.events = reading.eventCount
        inv.reader = reading.reader
        if !reading.damage.isEmpty {
            inv.status = .partlyUnreadable
            inv.reason = listed(reading.damage.map(\.description))
        }
    }

    /// The first three problems, and how many more there are.
    static func listed(_ problems: [String]) -> String {
        let shown = problems.prefix(3).joined(separator: "; ")
        return problems.count > 3 ? "\(shown); and \(problems.count - 3) more" : shown
    }

    private static func status(_ s: InventoryItem.Status) -> AnalysisReport.InventoryEntry.Status {
        switch s {
        case .parsed: return .parsed
        case .skipped: return .skipped
        case .refused: return .refused
        case .partlyUnreadable: return .partlyUnreadable
        }
    }
}
