import LicensingModel
import Timeline

extension EvidenceReader {
    /// Reads the entry whole, then hands its events on (``streamingRead(_:context:sink:)``).
    public func stream(
        _ entry: EvidenceEntry, context: EvidenceReaderContext, progress: ((Int) -> Void)?, sink: (Event) -> Void
    ) -> EvidenceReading {
        streamingRead(entry, context: context, sink: sink)
    }

    /// ``read(_:context:)``, then every event of the reading handed to `sink` (``EvidenceReading/handOutEvents(to:)``).
    /// The reading is returned without its events; what it says of an entry with nothing in it (``EvidenceReading/
    /// nothingFound``) is kept.
    public func streamingRead(
        _ entry: EvidenceEntry, context: EvidenceReaderContext, sink: (Event) -> Void
    ) -> EvidenceReading {
        var reading = read(entry, context: context)
        reading.handOutEvents(to: sink)
        return reading
    }
}

extension EvidenceReading {
    /// Hands every event of the reading to `sink`, unfolded, in line order over all its sources (a `show license`
    /// output's usage rows, a transcript's catalog events and the `utils ntp status` rows it also holds); events
    /// without a line keep the reader's order. The reading keeps no events afterwards.
    public mutating func handOutEvents(to sink: (Event) -> Void) {
        var events = sources.flatMap { $0.events.flatMap(\.unfolded) }
        sources = []
        if !events.isEmpty, zip(events, events.dropFirst()).contains(where: { Self.line(of: $0) > Self.line(of: $1) }) {
            // Stable: events without a line (a capture's frames, whole-file facts) keep their order after the lines.
            events = events.enumerated().sorted { a, b in
                (Self.line(of: a.element), a.offset) < (Self.line(of: b.element), b.offset)
            }.map(\.element)
        }
        events.forEach(sink)
    }

    private static func line(of event: Event) -> Int {
        if case .line(let n) = event.source.location { return n }
        return .max
    }
}
