import Foundation
import LicensingModel
import Testing

@testable import Rules

/// A ``SelectionHit`` keeps only an instant, an event index and a repeat's line; the evidence items made from it
/// must be exactly those the occurrences give as events of their own. Each shipped rule (and rules using `count …
/// within` and `followed by … within`) runs over every rule fixture and over traces generated from the fixtures'
/// events repeated, once folded and once unfolded: every selection's items, every condition's items and every
/// finding must be equal.
@Suite("compact selection hits give the items the unfolded events give")
struct CompactHitTests {
    static let fixtures: [URL] = {
        let tests = TestSupport.shippedRules.appendingPathComponent("tests")
        let fm = FileManager.default
        let rules = (try? fm.contentsOfDirectory(atPath: tests.path)) ?? []
        return rules.sorted().flatMap { rule in
            let dir = tests.appendingPathComponent(rule)
            let cases = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            return cases.sorted().map { dir.appendingPathComponent($0) }
        }
    }()

    static let extraRules: [String] = [
        "a:\n  event: [communication.failed, authorization.renew.failed]\ncondition: count(a) >= 3 within 1h",
        "a:\n  event: communication.failed\nb:\n  event: [authorization.renew.succeeded, tls.handshake]\n"
            + "condition: a followed by b within 10m",
        "a:\n  event: communication.failed\nb:\n  state: authorization\n  value: [AUTHORIZED, AUTHORIZATION EXPIRED]\n"
            + "  at: any\ncondition: (a and b) or not a",
    ]

    static func rules() throws -> [Rule] {
        let shipped = try RuleSet.load(directory: TestSupport.shippedRules).rules
        let extra = try extraRules.enumerated().map { try TestSupport.rule($1, id: "compact-\($0)") }
        return shipped + extra
    }

    @Test("every rule fixture, as read")
    func fixturesAsRead() throws {
        #expect(Self.fixtures.count > 50)
        let rules = try Self.rules()
        for fixture in Self.fixtures {
            let evidence = try RuleFixtures.load(fixture)
            try Self.expectSameItems(rules, evidence, repeats: 0, label: fixture.lastPathComponent)
        }
    }

    @Test("traces generated from each fixture's events, each line repeated", arguments: [3, 40])
    func generated(repeats: Int) throws {
        let rules = try Self.rules()
        var folded = 0
        for fixture in Self.fixtures {
            let evidence = try RuleFixtures.load(fixture)
            folded += try Self.expectSameItems(rules, evidence, repeats: repeats, label: fixture.lastPathComponent)
        }
        // The comparison did see folded events, hit by many rules.
        #expect(folded > 100)
    }

    @Test("a hit keeps an untimed instant, a repeat's line and an item list apart")
    func hitParts() {
        let untimed = SelectionHit(time: nil, event: 4)
        #expect(untimed.time == nil && untimed.event == 4 && untimed.itemList == nil)
        #expect(untimed == SelectionHit(time: nil, event: 4))
        let at = Date(timeIntervalSinceReferenceDate: 1234.5)
        let repeatHit = SelectionHit(time: at, event: 2, repeatLine: 77)
        #expect(repeatHit.time == at && repeatHit.event == 2)
        #expect(repeatHit != SelectionHit(time: at, event: 2, repeatLine: 78))
        #expect(SelectionHit(time: at, event: 2).madeBefore(repeatHit))
        let items = SelectionHit(time: at, items: 3)
        #expect(items.itemList == 3 && items.event == nil && items.time == at)
        #expect(repeatHit.madeBefore(items) && !items.madeBefore(repeatHit))
        #expect(MemoryLayout<SelectionHit>.stride == 24)
    }

    /// Folds the evidence's events (each timed line event repeated `repeats` more times, a minute apart, on later
    /// lines), and expects the same items and findings from the folded and the unfolded events. Returns how many
    /// events were folded.
    @discardableResult
    static func expectSameItems(_ rules: [Rule], _ evidence: RuleEvidence, repeats: Int, label: String) throws -> Int {
        var occurrences: [Event] = []
        for event in evidence.events {
            var e = event
            e.time?.raw = ""  // a kept stamp text keeps an event from folding
            occurrences.append(e)
            guard case .line(let line) = e.source.location, e.time != nil else { continue }
            for r in 0..<repeats {
                var copy = e
                copy.time?.instant += TimeInterval(60 * (r + 1))
                copy.source.location = .line(line + 100_000 * (r + 1))
                occurrences.append(copy)
            }
        }
        // Read in file order (what the log reader does), kept in timeline order (what the timeline does).
        let fileOrder = occurrences.indices.sorted { a, b in
            let (x, y) = (occurrences[a].source, occurrences[b].source)
            return x != y ? x < y : a < b
        }
        let foldedEvents = EventFolder.fold(fileOrder.map { occurrences[$0] }).sorted(by: Event.timelineOrder)
        let plainEvents = foldedEvents.unfoldedInTimelineOrder()
        let folded = RuleEvidence(
            events: foldedEvents, intervals: evidence.intervals, present: evidence.present, evidenceEnd: evidence.evidenceEnd)
        let plain = RuleEvidence(
            events: plainEvents, intervals: evidence.intervals, present: evidence.present, evidenceEnd: evidence.evidenceEnd)
        let (a, b) = (EvidenceIndex(folded), EvidenceIndex(plain))
        for rule in rules {
            var (ma, mb) = (SelectionMatcher(index: a), SelectionMatcher(index: b))
            var (ha, hb): ([String: [SelectionHit]], [String: [SelectionHit]]) = ([:], [:])
            for named in rule.selections {
                ha[named.name] = ma.evaluate(named.selection).hits
                hb[named.name] = mb.evaluate(named.selection).hits
                let (ia, ib) = (items(HitList(ha[named.name] ?? []), ma.items, a), items(HitList(hb[named.name] ?? []), mb.items, b))
                #expect(ia == ib, "\(label): \(rule.id).\(named.name)")
            }
            let (oa, ob) = (ConditionEvaluator(hits: ha).evaluate(rule.condition), ConditionEvaluator(hits: hb).evaluate(rule.condition))
            #expect(oa.holds == ob.holds, "\(label): \(rule.id)")
            #expect(items(oa.hits, ma.items, a) == items(ob.hits, mb.items, b), "\(label): \(rule.id) condition")
        }
        let set = RuleSet(rules: rules)
        #expect(set.evaluate(folded).findings == set.evaluate(plain).findings, "\(label)")
        return foldedEvents.filter { $0.repeats != nil }.count
    }

    /// The hits' items, hit by hit, with their times and sources as the finding's evidence reads them.
    static func items(_ hits: HitList, _ table: HitItems, _ index: EvidenceIndex) -> [String] {
        let refs = HitRefs(hits, items: table, index: index)
        return (0..<refs.count).map { i in
            let item = refs.item(i)
            #expect(refs.time(i) == item.time && refs.source(i) == item.source)
            return "\(item.time.map { "\($0.timeIntervalSinceReferenceDate)" } ?? "untimed") \(refs.source(i)?.description ?? "-") "
                + "\(item.label) \(item.excerpt ?? "") \(item.fields.sorted { $0.key < $1.key })"
        }
    }
}
