import LicensingModel
import Testing

@Suite("one duration formatter, three wordings")
struct DurationFormatTests {
    static let compactCases: [(Double, Bool, String)] = [
        (0, false, "0s"), (42, false, "42s"), (59.6, false, "1m00s"), (185, false, "3m05s"), (3725, false, "1h02m"),
        (93_600, false, "26h00m"), (443, true, "+7m23s"), (-19_800, true, "-5h30m"), (-0.4, true, "0s"), (12, true, "+12s"),
    ]

    @Test("compact: clock offsets and ETAs", arguments: compactCases)
    func compact(seconds: Double, signed: Bool, expected: String) {
        #expect(DurationFormat.compact.text(seconds, signed: signed) == expected)
    }

    static let spacedCases: [(Double, Bool, String)] = [
        (42, false, "42s"), (250, false, "4m 10s"), (11_100, false, "3h 05m"), (1_051_200, false, "12d 04h"),
        (-250, false, "4m 10s"), (62, true, "+1m 02s"), (-347, true, "-5m 47s"), (-0.3, true, "0s"),
    ]

    @Test("spaced: report tables", arguments: spacedCases)
    func spaced(seconds: Double, signed: Bool, expected: String) {
        #expect(DurationFormat.spaced.text(seconds, signed: signed) == expected)
    }

    static let longCases: [(Double, String)] = [
        (365 * 86_400, "1 year"), (730 * 86_400, "2 years"), (30 * 86_400, "30 days"), (86_400, "1 day"),
        (400 * 86_400, "400 days"), (6 * 3600, "6 hours"), (31_920, "8 hours 52 minutes"), (3600, "1 hour"),
        (3903, "1 hour 5 minutes 3 seconds"), (5400, "1 hour 30 minutes"), (61, "1 minute 1 second"), (0, "0 seconds"),
    ]

    @Test("long: timer lengths and preflight's clock check", arguments: longCases)
    func long(seconds: Double, expected: String) {
        #expect(DurationFormat.long.text(seconds) == expected)
    }

    @Test("values beyond Int's range (a capture stamped in year 292 billion) are worded, not a trap")
    func absurd() {
        #expect(DurationFormat.compact.text(1e300, signed: true).hasPrefix("+"))
        #expect(DurationFormat.compact.text(-Double(Int.max) * 4, signed: true).hasPrefix("-"))
        #expect(DurationFormat.spaced.text(.infinity).hasSuffix("h"))
        #expect(DurationFormat.long.text(1e300 * 3_600).hasSuffix("seconds"))
        #expect(DurationFormat.long.text(.nan) == "0 seconds")
    }
}
