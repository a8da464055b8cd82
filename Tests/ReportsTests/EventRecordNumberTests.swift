import Foundation
import Testing
@testable import Reports

/// Numbers in event records are written as `JSONEncoder` writes them, without an encoder per value.
@Suite struct EventRecordNumberTests {
    static func encoded(_ d: Double) -> String {
        String(decoding: (try? JSONEncoder().encode(d)) ?? Data(), as: UTF8.self)
    }

    @Test func edgeValuesAsJSONEncoderWritesThem() {
        let values: [Double] = [0, -0.0, 1, -1, 12, 0.5, 0.1, 0.2 + 0.1, 1.5e-7, 1e-5, 123.456, 1e15, 1e16, 1e17, 1e20,
                                -1e20, 4.9e-324, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude,
                                2.2250738585072014e-308, 9_007_199_254_740_993, 3.14159, 0.001, 1234567.891]
        for d in values { #expect(EventRecordEncoder.jsonNumber(d) == Self.encoded(d), "\(d)") }
    }

    @Test func roundTripTimesAsJSONEncoderWritesThem() {
        // Round-trip times in milliseconds to three decimals (`tcp.attempt` rtt_ms), and random bit patterns.
        var state: UInt64 = 99
        for n in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let d = n % 2 == 0
                ? (Double(state >> 40) / 1000).rounded() / 1000
                : Double(bitPattern: state)
            guard d.isFinite else { continue }
            #expect(EventRecordEncoder.jsonNumber(d) == Self.encoded(d), "\(d)")
        }
    }
}
