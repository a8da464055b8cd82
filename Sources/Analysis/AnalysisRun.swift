import Foundation
import BundleIngest
import LicensingModel
import Reports
import Rules
import StateEngine
import Timeline

/// The whole pipeline for one bundle: open → classify → ingest → merge → replay → rules → report.
public struct AnalysisOutcome: Sendable {
    /// The report every renderer works from.
    public var report: AnalysisReport
    /// The merged timeline's events as the analysis holds them: repeats of one message folded into their first
    /// occurrence (``Event/repeats``).
    public var foldedEvents: [Event]
    /// Every occurrence of the merged timeline's events, in timeline order, walked lazily: what the JSON Lines
    /// timeline and the HTML timeline's ticks are written from, without unfolding the timeline into an array.
    public var timeline: TimelineOccurrences { TimelineOccurrences(foldedEvents) }
    /// The merged timeline's events, every folded repeat given as the event it was read as, in timeline order: what
    /// the timeline is without folding. One array of every occurrence, built on each call (for tests; the reports
    /// walk ``timeline``).
    public var events: [Event] { foldedEvents.unfoldedInTimelineOrder() }
    /// The rules' evaluation, when rules were given (for `--explain`).
    public var evaluation: RuleEvaluation?
    /// What the rules saw.
    public var ruleEvidence: RuleEvidence
    /// The logs whose lines' text the events do not hold, to re-read it while a report is written (the JSON Lines
    /// timeline's excerpts and printed timestamps): an archive's extracted members stay on disk while this lives.
    public var lineFiles: LogLineFiles
}

/// Runs the analysis.
public enum AnalysisRun {
    /// Analyzes `paths` (files, folders, archives — all taken together as one bundle).
    /// - Parameters:
    ///   - paths: the inputs.
    ///   - options: zones, rules, catalog, trust anchors, limits.
    ///   - failOn: findings at or above this severity make the exit code 1.
    ///   - toolVersion: written into the report.
    public static func run(paths: [String], options: AnalysisOptions, failOn: RuleSeverity = .low, toolVersion: String)
        -> AnalysisOutcome
    {
        // The bundle's extracted files stay until the outcome's lines have been re-read (``LogLineFiles``).
        let (bundle, recognised) = open(paths, options: options)
        let (evidence, timeline, collected) = gather(bundle, recognised: recognised, options: options)
        var lineFiles = LogLineFiles(files: collected.excerptFiles, keeping: bundle)
        var evaluation = options.rules?.evaluate(evidence)
        if var e = evaluation {
            var texts = lineFiles.texts()
            FindingExcerpts.fill(&e.findings, texts: &texts, files: collected.excerptFiles)
            lineFiles.keep(texts)
            evaluation = e
        }
        let findings = (evaluation?.findings ?? []).sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : $0.id < $1.id
        }
        let replay = timeline.replay
        let worst = findings.map(\.severity).max()
        let instances = ProductInstances.distinct(in: timeline.events)
        let eventCount = timeline.events.occurrenceCount
        let exit = ExitStatus.of(
            findings: worst.map { $0 >= failOn } ?? false, partlyUnreadable: collected.partlyUnreadable,
            evidence: !timeline.events.isEmpty
        ).rawValue
        var report = AnalysisReport(
            tool: .init(name: "licscope", version: toolVersion), inputs: paths.map { options.displayNames[$0] ?? $0 },
            verdict: .init(
                summary: "",
                worstSeverity: worst, exitCode: exit, partlyUnreadable: collected.partlyUnreadable),
            findings: findings, notEvaluated: evaluation?.notEvaluated ?? [], states: replay.intervals,
            transitions: replay.transitions.map(AnalysisReport.TransitionRow.init),
            deadlines: replay.deadlines, runway: replay.runway.map(AnalysisReport.TransitionRow.init),
            anomalies: replay.anomalies,
            history: Dictionary(uniqueKeysWithValues: replay.history.map { ($0.key.rawValue, $0.value) }),
            snapshots: replay.snapshotChecks, skew: timeline.skew, inventory: collected.inventory,
            assumptions: assumptions(timeline.events, skew: timeline.skew) + collected.assumptions, evidenceStart: replay.evidenceStart,
            evidenceEnd: replay.evidenceEnd, eventCount: eventCount)
        if let window = options.window {
            let row = AnalysisWindow(window, eventsLeftOut: collected.eventsOutsideWindow)
            report.window = row
            report.assumptions.insert(row.assumption, at: 0)
        }
        report.productInstances = instances
        report.assumptionGroups = AssumptionGroup.groups(from: timeline.events)
        report.connections = ConnectionRow.rows(
            from: timeline.events.filter { $0.kind == .connectivityAttempt }.unfoldedInTimelineOrder())
        report.timeZones = ZoneChecks.apply(collected.timeZones, sources: collected.sources, skew: timeline.skew)
        report.verdict.summary = VerdictText.summary(of: report)
        return AnalysisOutcome(
            report: report, foldedEvents: timeline.events, evaluation: evaluation, ruleEvidence: evidence,
            lineFiles: lineFiles)
    }

    /// Ingests and replays without judging: what a rule fixture or a report needs. Every event keeps its excerpt
    /// (the extracted files are gone when this returns).
    public static func gather(paths: [String], options: AnalysisOptions) -> (RuleEvidence, MergedTimeline, CollectedEvidence) {
        let (bundle, recognised) = open(paths, options: options)
        defer { bundle.removeWorkDirectory() }
        var keeping = options
        keeping.keepLogLineText = true
        return gather(bundle, recognised: recognised, options: keeping)
    }

    /// Opens the inputs, and recognises each entry from the first bytes the bundle layer read (one read per file:
    /// the archive sniff's). The reader makes its own private directory under `workDirectory`, and only when an
    /// archive needs one.
    static func open(_ paths: [String], options: AnalysisOptions) -> (OpenedBundle, [RecognisedEntry]) {
        options.readers.open(
            paths: paths, workDirectory: options.workDirectory, limits: options.limits, displayNames: options.displayNames)
    }

    /// Ingests and replays an opened bundle whose entries were `recognised` (its extracted files are left for the
    /// caller to remove).
    static func gather(_ bundle: OpenedBundle, recognised: [RecognisedEntry], options: AnalysisOptions)
        -> (RuleEvidence, MergedTimeline, CollectedEvidence)
    {
        var collected = EvidenceCollector.collect(bundle, recognised: recognised, options: options)
        if let window = options.window { collected.keep(window) }
        // The timeline takes the events over; the collected sources keep only what the zone checks read, instead
        // of a second copy of every event.
        let sources = collected.sources
        collected.sources = ZoneChecks.evidence(sources)
        let timeline = MergedTimeline.build(
            consume sources, timers: options.timers, textZoneConfirmed: ZoneChecks.confirmedByPrinted(collected.sources))
        let evidence = RuleEvidence(
            events: timeline.events, intervals: timeline.replay.intervals, present: collected.present,
            evidenceEnd: timeline.replay.evidenceEnd)
        return (evidence, timeline, collected)
    }

    /// Every distinct assumption, in order of first appearance.
    static func assumptions(_ events: [Event], skew: SkewEstimate?) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        // Event by event, not through one array of every event's assumptions (a dense trace has hundreds of thousands).
        for k in events.indices {
            for a in events[k].time?.assumptions ?? [] {
                // Per-event placement notes repeat the raw time; keep one of each kind of sentence.
                if seen.insert(AssumptionGroup.kind(of: a)).inserted { out.append(a) }
            }
        }
        if let skew, abs(skew.offsetSeconds) >= ClockSkew.negligible {
            // What was moved, as MergedTimeline moved it.
            let zone = Double(skew.zoneOffsetSeconds), clock = skew.clockErrorSeconds
            var what: [String] = []
            if zone != 0 { what.append("text evidence shifted \(DurationFormat.compact.text(zone, signed: true)) (the zone part)") }
            if abs(clock) < ClockSkew.matchingNoise {
                what.append("the clock error (\(DurationFormat.compact.text(clock, signed: true))) is within the \(Int(ClockSkew.matchingNoise)) s matching noise and not applied")
            } else if skew.nodeClockSuspect {
                what.append("the node's evidence moved \(DurationFormat.compact.text(clock, signed: true)) onto the capture clock (the node's clock is found wrong)")
            } else {
                what.append("the capture's events placed \(DurationFormat.compact.text(-clock, signed: true)) onto the node's clock")
            }
            out.append("clock skew (logs vs capture): \(skew.interpretation); \(what.joined(separator: "; "))")
        }
        return out
    }
}
