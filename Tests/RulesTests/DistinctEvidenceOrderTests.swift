import Foundation
import LicensingModel
import Testing
@testable import Rules

/// A finding's items: repeats dropped and time-ordered without a set of every item, exactly as dropping repeats
/// first (a set) and sorting stably did.
@Suite struct DistinctEvidenceOrderTests {
    /// The former way: first occurrences through a set, then a stable sort by time, then source.
    static func reference(_ all: [PendingEvidence]) -> [PendingEvidence] {
        var seen = Set<PendingEvidence>()
        var items: [PendingEvidence] = []
        for item in all where seen.insert(item).inserted { items.append(item) }
        let order = items.indices.sorted { a, b in
            switch (items[a].time, items[b].time) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (sa, sb) = (items[a].source?.description ?? "", items[b].source?.description ?? "")
                return sa != sb ? sa < sb : a < b
            }
        }
        return order.map { items[$0] }
    }

    @Test(arguments: 0..<20)
    func sameAsSetThenStableSort(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let items = (0..<200).map { _ in
            PendingEvidence(
                label: ["communication.failed", "tls.handshake", "registration.failed"][next(3)],
                source: next(5) == 0 ? nil : .line("f\(next(2)).log", next(6)),
                time: next(6) == 0 ? nil : Date(timeIntervalSince1970: Double(next(4))),
                excerpt: next(2) == 0 ? nil : "x\(next(2))", fields: next(2) == 0 ? [:] : ["reason": .string("r\(next(2))")])
        }
        let got = RuleEvaluator.timeOrderedDistinct(items)
        #expect(got == Self.reference(items))
        #expect(got.count < items.count)
    }
}
