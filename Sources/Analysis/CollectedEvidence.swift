import Foundation
import BundleIngest
import LicensingModel
import PacketIngest
import Reports
import TextIngest
import Timeline

/// Every input file turned into events, with its inventory line.
public struct CollectedEvidence: Sendable {
    /// Events per input file.
    public var sources: [SourceEvents] = []
    /// One line per input file, archive member, refusal or skip.
    public var inventory: [AnalysisReport.InventoryEntry] = []
    /// Every evidence kind seen (a mixed log can hold syslog and RTMT alerts at once).
    public var present: Set<EvidenceKind> = []
    /// Some input could not be read in full.
    public var partlyUnreadable = false
    /// The zone each zone-less source was read in, and why.
    public var timeZones: [SourceZone] = []
    /// What reading the bundle (rather than its events) assumed: how zone-less archive member dates were read.
    public var assumptions: [String] = []
    /// Display path → the file whose lines are re-read for the excerpts its events do not hold.
    public var excerptFiles: [String: LogLineFile] = [:]
    /// Events left out by `--since` / `--until` (outside the window, or untimed).
    public var eventsOutsideWindow = 0

    /// Keeps only the events inside `window`, and each source's span within it.
    mutating func keep(_ window: TimeWindow) {
        for i in sources.indices {
            let before = sources[i].events.occurrenceCount
            if sources[i].events.hasFoldedRepeats {
                sources[i].events = sources[i].events.compactMap { $0.keepingOccurrences(window.keeps) }
            } else {
                sources[i].events.removeAll { !window.keeps($0) }
            }
            eventsOutsideWindow += before - sources[i].events.occurrenceCount
            if let span = sources[i].span {
                let start = max(span.start, window.since ?? span.start)
                let end = min(span.end, window.until ?? span.end)
                sources[i].span = start <= end ? DateInterval(start: start, end: end) : nil
            }
        }
    }
}
