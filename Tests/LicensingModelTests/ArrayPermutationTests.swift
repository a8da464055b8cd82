import LicensingModel
import Testing

/// In-place reordering by sorted indices gives what mapping the indices gives, and its inverse undoes it.
@Suite struct ArrayPermutationTests {
    @Test(arguments: [0, 1, 2, 7, 100])
    func permuteMatchesMappingAndInverseRestores(count: Int) {
        var rng = SplitMix(seed: UInt64(count) + 1)
        let original = (0..<count).map { _ in "v\(rng.next() % 50)" }
        let order = original.indices.sorted { original[$0] != original[$1] ? original[$0] < original[$1] : $0 < $1 }
        var inPlace = original
        inPlace.permute(by: order)
        #expect(inPlace == order.map { original[$0] })
        inPlace.permute(by: [String].inverse(of: order))
        #expect(inPlace == original)
    }

    @Test func notAPermutationLeavesTheArrayUnchanged() {
        var a = ["a", "b", "c"]
        a.permute(by: [0, 0, 1])
        #expect(a == ["a", "b", "c"])
        a.permute(by: [2, 1])
        #expect(a == ["a", "b", "c"])
        a.permute(by: [2, 1, 3])
        #expect(a == ["a", "b", "c"])
    }

    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
