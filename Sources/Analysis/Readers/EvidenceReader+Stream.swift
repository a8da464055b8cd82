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
    /// Hands every event of the reading to `sink`, unfolded, in file order over all its sources (a `show license`
    /// output's usage rows, a transcript's catalog events and the `utils ntp status` rows it also holds;
    /// `[Event].inFileOrder()`: events without a line keep the reader's order, after the lines). The reading
    /// keeps no events afterwards.
    public mutating func handOutEvents(to sink: (Event) -> Void) {
        let events = sources.flatMap { $0.events.flatMap(\.unfolded) }
        sources = []
        events.inFileOrder().forEach(sink)
    }
}
