import Foundation
import Testing
@testable import TextIngest

/// The compiled catalog patterns give exactly ICU's captures: on the catalog's examples and near misses, on every
/// candidate line of the samples and fixtures, and on mutations of them.
@Suite struct CompiledPatternIdentityTests {
    /// Every `pattern` and `unless` of the shipped catalog, with the id of its entry.
    static let patterns: [(id: String, pattern: CatalogPattern)] = TestSupport.catalog.entries.flatMap { e in
        [e.pattern, e.unless].compactMap { $0 }.map { (e.id, $0) }
    }

    @Test func everyShippedPatternIsCompiled() {
        #expect(Self.patterns.count >= 60)
        for (id, p) in Self.patterns {
            #expect(p.fallbackReason == nil, "\(id): \(p.source) falls back to ICU: \(p.fallbackReason ?? "")")
        }
    }

    @Test func examplesAndNearMissesGiveICUsCaptures() {
        let lines = TestSupport.catalog.entries.flatMap { $0.examples.map(\.line) + $0.nearMisses }
        var decided = 0
        for line in lines {
            for (id, p) in Self.patterns {
                #expect(p.captures(in: line) == p.regexCaptures(in: line), "\(id) on: \(line)")
                if Self.decidedWithoutICU(p, line) { decided += 1 }
            }
        }
        // The byte matcher answered (the comparison above is not ICU against itself).
        #expect(decided > lines.count * Self.patterns.count * 9 / 10)
    }

    @Test func corpusAndMutationsGiveICUsCaptures() {
        let catalog = TestSupport.catalog
        let lines = PatternCorpus.candidateLines(anchors: catalog.entries.flatMap(\.anchors))
        #expect(lines.count > 200)
        var checked = 0
        var matched = 0
        for (n, line) in lines.enumerated() {
            // Unchanged lines against every pattern; mutations against the patterns their anchors select.
            for (id, p) in Self.patterns {
                let captures = p.captures(in: line)
                #expect(captures == p.regexCaptures(in: line), "\(id) on: \(line)")
                if captures != nil { matched += 1 }
            }
            for variant in PatternCorpus.mutations(of: line, seed: UInt64(n)) {
                for e in catalog.entries where e.anchors.contains(where: { variant.contains($0) }) {
                    for p in [e.pattern, e.unless].compactMap({ $0 }) {
                        #expect(p.captures(in: variant) == p.regexCaptures(in: variant), "\(e.id) on: \(variant)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
        #expect(matched > 100)
    }

    /// Whether the byte matcher answers for `line` without asking ICU.
    static func decidedWithoutICU(_ p: CatalogPattern, _ line: String) -> Bool {
        guard let c = try? CompiledPattern(p.source) else { return false }
        var line = line
        return line.withUTF8 { c.firstMatch(in: $0) } != .undecided
    }
}
