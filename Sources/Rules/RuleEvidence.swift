import Foundation
import LicensingModel

/// Everything a rule may look at for one bundle: the timeline's events (parser events plus the engine's
/// `state.transition` and `engine.anomaly`), the engine's state intervals, and which kinds of evidence exist.
public struct RuleEvidence: Sendable {
    /// Events in timeline order (``Event/timelineOrder(_:_:)``).
    public var events: [Event]
    /// The engine's state intervals, per dimension.
    public var intervals: [StateInterval]
    /// Which kinds of evidence the bundle holds; drives `requires`.
    public var present: Set<EvidenceKind>
    /// The time of the last evidence, for "state at end"; nil when unknown.
    public var evidenceEnd: Date?

    /// Creates evidence.
    /// - Parameters:
    ///   - events: timeline-ordered events.
    ///   - intervals: the engine's state intervals.
    ///   - present: the evidence kinds the bundle holds.
    ///   - evidenceEnd: when the evidence ends (defaults to the last timed event).
    public init(events: [Event], intervals: [StateInterval] = [], present: Set<EvidenceKind>, evidenceEnd: Date? = nil) {
        self.events = events
        self.intervals = intervals
        self.present = present
        self.evidenceEnd = evidenceEnd ?? events.compactMap { $0.instantRange?.upperBound }.max()
    }
}

/// Events grouped by kind, built once per evaluation.
struct EvidenceIndex {
    let evidence: RuleEvidence
    /// Indices into `evidence.events` per kind (not copies of the events: a busy trace holds hundreds of thousands).
    let byKind: [EventKind: [Int]]
    /// Usage rows grouped per output (source file + time), including rows synthesized from snapshots whose
    /// output produced no `entitlement.usage` events.
    let usageGroups: [[Event]]

    init(_ evidence: RuleEvidence) {
        self.evidence = evidence
        var byKind: [EventKind: [Int]] = [:]
        for (i, event) in evidence.events.enumerated() { byKind[event.kind, default: []].append(i) }
        self.byKind = byKind
        let usage = [EventKind.entitlementUsage, .statusSnapshot].map { k in
            (k, (byKind[k] ?? []).map { evidence.events[$0] }.unfoldedInTimelineOrder())
        }
        self.usageGroups = Self.groupUsage(Dictionary(uniqueKeysWithValues: usage))
    }

    /// The indices into `evidence.events` of the events of `kinds`, kind by kind, each in timeline order.
    func indices(of kinds: [EventKind]) -> [Int] {
        kinds.count == 1 ? byKind[kinds[0]] ?? [] : kinds.flatMap { byKind[$0] ?? [] }
    }

    /// The text the source holds at each of `pointers`: the excerpt of an event read there (its first line is the
    /// line itself). Pointers no event with an excerpt was read from are left out. One pass over the events.
    func sourceText(at pointers: Set<SourcePointer>) -> [SourcePointer: String] {
        var found: [SourcePointer: String] = [:]
        for k in evidence.events.indices where found.count < pointers.count {
            guard let excerpt = evidence.events[k].excerpt, !excerpt.isEmpty else { continue }
            let source = evidence.events[k].source
            if found[source] == nil, pointers.contains(source) { found[source] = excerpt }
        }
        return found
    }

    private static func groupUsage(_ byKind: [EventKind: [Event]]) -> [[Event]] {
        var groups: [String: [Event]] = [:]
        var order: [String] = []
        func key(_ event: Event) -> String { "\(event.source.path)|\(event.time?.instant.timeIntervalSince1970 ?? -1)" }
        for row in byKind[.entitlementUsage] ?? [] {
            let k = key(row)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(row)
        }
        let pathsWithRows = Set((byKind[.entitlementUsage] ?? []).map(\.source.path))
        for snapshotEvent in byKind[.statusSnapshot] ?? [] {
            guard let snapshot = snapshotEvent.snapshot, !snapshot.usage.isEmpty,
                !pathsWithRows.contains(snapshotEvent.source.path)
            else { continue }
            let k = key(snapshotEvent)
            if groups[k] == nil { order.append(k) }
            for (i, usage) in snapshot.usage.enumerated() {
                groups[k, default: []].append(Self.event(from: usage, index: i, of: snapshotEvent, snapshot: snapshot))
            }
        }
        return order.compactMap { groups[$0] }
    }

    private static func event(from usage: EntitlementUsage, index: Int, of parent: Event, snapshot: StatusSnapshot) -> Event {
        var fields: [String: FieldValue] = ["tag": .string(usage.tag), "status": .string(usage.status)]
        if let tier = usage.tier { fields["tier"] = .string(tier.rawValue) }
        if let count = usage.count { fields["count"] = .int(count) }
        if let name = usage.displayName { fields["display_name"] = .string(name) }
        var source = parent.source
        if let line = snapshot.lines["usage[\(index)]"] { source.location = .line(line) }
        return Event(kind: .entitlementUsage, time: parent.time, source: source, fields: fields,
            excerpt: "\(usage.tag) \(usage.count.map(String.init) ?? "?") \(usage.status)")
    }
}
