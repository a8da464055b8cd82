import Foundation
import Testing
@testable import LicensingModel

/// Double-to-Int conversions of numbers computed from input saturate instead of trapping.
@Suite("saturating conversions")
struct SaturatingConversionTests {
    @Test("Int(saturating:) pins to Int's range and reads NaN as 0", arguments: [
        (Double.nan, 0), (.infinity, Int.max), (-.infinity, Int.min), (1e300, Int.max), (-1e300, Int.min),
        (Double(Int.max), Int.max), (-9.5, -9), (42.9, 42),
    ])
    func saturating(value: Double, expected: Int) {
        #expect(Int(saturating: value) == expected)
    }
}
