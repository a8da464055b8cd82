/// The order entries are read in, pass by pass (``EvidenceReader/pass``), and what each pass teaches the passes
/// after it: the years CLI outputs print, which date the yearless stamps of the logs beside them.
///
/// `analyze` (``EvidenceCollector``) and `events` both read through it, so the same files give the same years, and
/// so the same instants, in both commands. `events` reads every pass but the last before it writes anything (the
/// entries of early passes are `show license` outputs: small) and streams the last one.
public struct ReadingPasses: Sendable {
    /// Indices into the readers the passes were made from, one batch per pass, lowest pass first, in their given
    /// order within a pass. Entries that no reader takes are in no batch.
    public let batches: [[Int]]

    /// The passes of entries read by `readers` (nil: no reader takes the entry).
    public init(readers: [(any EvidenceReader)?]) {
        let taken = readers.indices.compactMap { i in readers[i].map { (index: i, pass: $0.pass) } }
        // Stable: entries of one pass keep their order.
        let ordered = taken.enumerated().sorted { ($0.element.pass, $0.offset) < ($1.element.pass, $1.offset) }
            .map(\.element)
        var batches: [[Int]] = []
        var previous: Int?
        for e in ordered {
            if e.pass != previous { batches.append([]) }
            batches[batches.count - 1].append(e.index)
            previous = e.pass
        }
        self.batches = batches
    }

    /// Reads `batches` in order: each batch by `read` (one reading per index, nil where none) under what the
    /// passes before it taught, then each reading handed to `take` in batch order.
    /// - Returns: the context after the last batch, which teaches the passes after these.
    public static func read(
        _ batches: some Sequence<[Int]>, context: EvidenceReaderContext,
        read: ([Int], EvidenceReaderContext) -> [EvidenceReading?], take: (Int, EvidenceReading?) -> Void
    ) -> EvidenceReaderContext {
        var context = context
        for batch in batches {
            // The whole batch under one context: what a pass learns serves only the passes after it.
            let readings = read(batch, context)
            for (i, reading) in zip(batch, readings) {
                if let reading, !reading.nothingFound { context.learn(from: reading) }
                take(i, reading)
            }
        }
        return context
    }
}

extension EvidenceReaderContext {
    /// Takes in what `reading` teaches entries of later passes: the years it prints, for yearless log stamps.
    public mutating func learn(from reading: EvidenceReading) {
        yearHints += reading.yearHints
    }
}
