import Foundation
import LicensingModel

/// Turns one log into events while it is being read, handing each to a sink as soon as nothing later in the file
/// can change it, so memory stays bounded by a chunk and a window, not by the file.
///
/// An event is settled once the scan is more than two ``ExceptionLinker/window``s of lines past it (every
/// exception that could give it a cause has been linked) and its year is known: printed, or taken from the
/// nearest dated line before it. A yearless line with no dated line before it depends on the end of the file
/// (the year is counted back from the last stamp); from there on events are held, in order, until the end.
struct LogEventStream {
    private var scanner: LogScanner
    private let options: LogIngestOptions
    private let inference: YearInference
    private var pending: [EventDraft] = []
    /// Index in `pending` of the first exception not linked yet.
    private var nextException = 0
    private(set) var first: Date?
    private(set) var last: Date?
    private(set) var emitted = 0
    /// Converts stamps in file order, so that the hour repeated when clocks go back is resolved by it.
    private var converter = WallClockConverter()

    init(display: String, options: LogIngestOptions, modificationTime: Date?) {
        scanner = LogScanner(matcher: LineMatcher(catalog: options.catalog, keepLineText: options.keepLineText), path: display, maxDamage: options.maxDamageRecords)
        scanner.repeatedHours = RepeatedHours(zone: options.zones.unzoned)
        self.options = options
        inference = YearInference(hints: options.yearHints, modificationTime: modificationTime, path: display)
    }

    /// Reads `source` to its end, giving every event to `sink` in file order and the bytes read so far to
    /// `progress` after each chunk.
    mutating func run(
        _ source: inout some LogChunkSource, progress: ((Int) -> Void)? = nil, sink: (Event) -> Void
    ) -> LogIngestResult {
        run(advance: { $0.step(&source) }, progress: progress, sink: sink)
    }

    /// Like ``run(_:progress:sink:)``, the scanner advanced by `advance` (a chunk scanned here, or a block scanned
    /// on another core and absorbed) until it returns false.
    mutating func run(
        advance: (inout LogScanner) -> Bool, progress: ((Int) -> Void)? = nil, sink: (Event) -> Void
    ) -> LogIngestResult {
        let wall = WallTimeLimit(options.timeLimit)
        var stopped: Damage?
        while advance(&scanner) {
            progress?(scanner.bytes)
            scanner.moveDrafts(into: &pending)
            settle(before: scanner.lines + 1 - 2 * ExceptionLinker.window, sink: sink)
            if wall.isReached {
                stopped = Damage(
                    "per-file time limit of \(wall.seconds) s reached at byte \(scanner.bytes) "
                        + "(line \(scanner.lines)); the rest of the file was not read",
                    at: .init(path: scanner.path, location: .offset(scanner.bytes)))
                break
            }
        }
        scanner.moveDrafts(into: &pending)
        settle(before: .max, sink: sink)
        var r = result()
        if let stopped { r.damage.append(stopped) }
        return r
    }

    /// Links the exceptions whose window is complete and emits the settled drafts before line `limit`.
    private mutating func settle(before limit: Int, sink: (Event) -> Void) {
        let linkLimit = limit == .max ? .max : limit + ExceptionLinker.window
        nextException = ExceptionLinker.link(&pending, from: nextException, before: linkLimit)
        var done = 0
        let years = limit == .max ? inference.years(for: scanner.points) : nil
        while done < pending.count, pending[done].line < limit {
            // Moved out, not copied: the event takes over the draft's fields, excerpt and notes.
            let d = EventDraft.take(&pending[done])
            guard case .known(let t) = timing(of: d, years: years) else {
                pending[done] = d
                break
            }
            emit(d, time: t, sink: sink)
            done += 1
        }
        if done > 0 {
            pending.removeFirst(done)
            nextException = max(0, nextException - done)
        }
    }

    /// Whether a draft's time is known yet.
    private enum Timing {
        /// Known: the time, or nil for a line without a usable stamp.
        case known(EventTime?)
        /// Its year depends on lines not read yet.
        case waiting
    }

    /// The draft's time; `years` is the whole file's year inference once the end has been read.
    private mutating func timing(of d: EventDraft, years: [(year: Int, assumption: String)?]?) -> Timing {
        guard let k = d.point, let stamp = d.stamp else { return .known(nil) }
        var t: EventTime?
        let passed = d.afterRepeatedWall
        if stamp.year != nil {
            t = stamp.resolve(inferredYear: nil, zones: options.zones, converter: &converter, afterRepeatedWall: passed)
        } else if let years {
            t = scanner.pointStamps[k].resolve(
                inferredYear: years[k], zones: options.zones, converter: &converter, afterRepeatedWall: passed)
        } else if let before = scanner.datedBefore[k] {
            let year = inference.years(for: [scanner.points[before], scanner.points[k]])[1]
            t = stamp.resolve(inferredYear: year, zones: options.zones, converter: &converter, afterRepeatedWall: passed)
        } else {
            return .waiting
        }
        t?.assumptions += d.notes
        return .known(t)
    }

    private mutating func emit(_ d: consuming EventDraft, time: EventTime?, sink: (Event) -> Void) {
        var time = time
        if !options.keepLineText { time?.raw = "" }
        if let i = time?.instant {
            first = min(first ?? i, i)
            last = max(last ?? i, i)
        }
        emitted += 1
        sink(Event(
            kind: d.kind, time: time, source: .line(scanner.path, d.line), fields: d.fields, excerpt: d.excerpt,
            screened: d.screened))
    }

    private func result() -> LogIngestResult {
        var damage = scanner.damage
        if scanner.suppressedDamage > 0 {
            damage.append(Damage(
                "\(scanner.suppressedDamage) more damaged lines not listed", at: .init(path: scanner.path, location: .file)))
        }
        let years = inference.years(for: scanner.points)
        let ends = [scanner.firstPoint, scanner.lastPoint].compactMap { k in
            k.flatMap { scanner.pointStamps[$0].resolve(inferredYear: years[$0], zones: options.zones)?.instant }
        }
        let times = [first, last].compactMap { $0 } + ends
        return LogIngestResult(
            events: [], linesRead: scanner.linesRead, bytesRead: scanner.bytes, format: scanner.tally.format,
            evidenceKinds: scanner.tally.evidenceKinds, damage: damage, firstTime: times.min(), lastTime: times.max())
    }
}
