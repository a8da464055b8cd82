extension Int {
    /// `value` rounded toward zero and pinned to `Int`'s range, NaN reading as 0. For numbers computed from input
    /// (time differences between absurd timestamps, durations given on the command line), where `Int(_:)` would trap.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= Double(Int.max) {
            self = .max
        } else if value <= Double(Int.min) {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
