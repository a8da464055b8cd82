import Foundation
import LicensingModel

/// The assumptions made reading the times of one file — each with how many of its lines (or frames) it covers — so a
/// report says which file was read in which zone, year or placement, once, instead of once per line.
public struct AssumptionGroup: Sendable, Hashable {
    /// One assumption and how much of the file it covers.
    public struct Item: Sendable, Hashable {
        /// The sentence (the first of its kind in the file: placement and shift notes repeat the raw time per line).
        public var text: String
        /// How many distinct lines (frames for a capture) carry it.
        public var lines: Int
    }

    /// The file's display path (`bundle.zip!cm/trace/slm/log4j/slm.log`).
    public var path: String
    /// How many distinct lines (or frames) carry any assumption.
    public var lines: Int
    /// `lines` or `frames`: what ``lines`` counts.
    public var unit: String
    /// The assumptions, in order of first appearance.
    public var items: [Item]

    /// The groups of `events` (timeline order), files sorted by path. A line with several events counts once (its
    /// events are adjacent in the timeline).
    public static func groups(from events: [Event]) -> [AssumptionGroup] {
        if events.hasFoldedRepeats { return foldedGroups(from: events) }
        // Groups are mutated in place through their index: a copy taken out of a dictionary and put back copies its
        // items on every event, which made this quadratic in the items (continuation notes name their line).
        var groups: [AssumptionGroup] = []
        var groupIndex: [String: Int] = [:]
        var keys: [String: [String: Int]] = [:]
        var lastLocation: [String: Int] = [:]
        var lastItemLocation: [String: [Int: Int]] = [:]
        for k in events.indices {
            guard let assumptions = events[k].time?.assumptions, !assumptions.isEmpty else { continue }
            let source = events[k].source
            let location = Self.number(source.location)
            let g: Int
            if let known = groupIndex[source.path] { g = known } else {
                g = groups.count
                groupIndex[source.path] = g
                groups.append(AssumptionGroup(path: source.path, lines: 0, unit: Self.unit(source.location), items: []))
            }
            if lastLocation[source.path] != location || location < 0 { groups[g].lines += 1 }
            lastLocation[source.path] = location
            for a in assumptions {
                let key = kind(of: a)
                let index: Int
                if let i = keys[source.path]?[key] { index = i } else {
                    index = groups[g].items.count
                    keys[source.path, default: [:]][key] = index
                    groups[g].items.append(Item(text: a, lines: 0))
                }
                if lastItemLocation[source.path]?[index] != location || location < 0 { groups[g].items[index].lines += 1 }
                lastItemLocation[source.path, default: [:]][index] = location
            }
        }
        return groups.sorted { $0.path < $1.path }
    }

    /// ``groups(from:)`` for a timeline holding folded repeats (``Event/repeats``): the same groups, counted over every
    /// occurrence. Lines are counted as distinct line numbers, which is what the adjacency count of
    /// ``groups(from:)`` comes to (the events of one line share its instant and source, so they are adjacent in
    /// timeline order), without unfolding the timeline or listing the occurrences (``DistinctLineCount``).
    static func foldedGroups(from events: [Event]) -> [AssumptionGroup] {
        var groups: [String: AssumptionGroup] = [:]
        var keys: [String: [String: Int]] = [:]
        var lineCounts: [String: DistinctLineCount] = [:]
        var itemCounts: [String: [DistinctLineCount]] = [:]
        for k in events.indices {
            guard let assumptions = events[k].time?.assumptions, !assumptions.isEmpty else { continue }
            let source = events[k].source
            // Mutated in place (see groups(from:)): a copy put back would copy its items on every event.
            let fresh = AssumptionGroup(path: source.path, lines: 0, unit: Self.unit(source.location), items: [])
            lineCounts[source.path, default: DistinctLineCount()].add(events[k])
            for a in assumptions {
                let key = kind(of: a)
                let index: Int
                if let i = keys[source.path]?[key] { index = i } else {
                    index = groups[source.path]?.items.count ?? 0
                    keys[source.path, default: [:]][key] = index
                    groups[source.path, default: fresh].items.append(Item(text: a, lines: 0))
                    itemCounts[source.path, default: []].append(DistinctLineCount())
                }
                itemCounts[source.path]?[index].add(events[k])
            }
            if groups[source.path] == nil { groups[source.path] = fresh }
        }
        return groups.keys.sorted().compactMap { path in
            guard var group = groups[path] else { return nil }
            group.lines = lineCounts[path]?.count() ?? 0
            for i in (itemCounts[path] ?? []).indices { group.items[i].lines = itemCounts[path]?[i].count() ?? 0 }
            return group
        }
    }

    /// The line, frame or offset; -1 for a whole file (each such event counts).
    static func number(_ l: SourcePointer.Location) -> Int {
        switch l {
        case .line(let n), .frame(let n), .offset(let n): return n
        case .file: return -1
        }
    }

    static func unit(_ l: SourcePointer.Location) -> String {
        if case .frame = l { return "frames" }
        if case .line = l { return "lines" }
        return "events"
    }

    /// What makes two assumption sentences the same assumption: placement and shift notes name the raw time of
    /// each line, so one of each kind stands for all.
    public static func kind(of assumption: String) -> String {
        assumption.hasPrefix("the output does not print") ? "placement" : assumption.hasPrefix("shifted ") ? "shift" : assumption
    }

    /// `412 lines`, `1 frame`.
    public static func count(_ n: Int, _ unit: String) -> String {
        "\(n) \(n == 1 ? String(unit.dropLast()) : unit)"
    }
}

extension AnalysisReport {
    /// The assumptions no file group holds (clock skew, the `--since/--until` window, archive member dates…), in order.
    public var generalAssumptions: [String] {
        let grouped = Set(assumptionGroups.flatMap { $0.items.map(\.text) })
        return assumptions.filter { !grouped.contains($0) }
    }
}
