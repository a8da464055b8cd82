import LicensingModel

/// The damage a capture reader collects while it reads on past damaged records: the first `cap` errors are kept
/// with their offsets, the rest are counted in one closing line, so a file of nothing but damaged records cannot
/// grow the report without bound.
struct CaptureDamageLog {
    /// The most errors kept one by one.
    static let cap = 64
    private(set) var errors: [Damage] = []
    private var omitted = 0

    /// Adds one error (or counts it, past the cap).
    mutating func add(_ message: String, offset: Int?, frame: Int?) {
        if errors.count < Self.cap {
            errors.append(Damage(capture: message, offset: offset, frame: frame))
        } else {
            omitted += 1
        }
    }

    /// Adds errors found elsewhere (warnings of a section).
    mutating func add(contentsOf others: [Damage]) {
        for e in others { add(e.reason, offset: e.offset, frame: e.frame) }
    }

    /// Every error kept, then the count of those left out.
    var all: [Damage] {
        guard omitted > 0 else { return errors }
        return errors + [Damage(capture: "\(omitted) more damaged records after the first \(Self.cap) (not listed)", offset: nil, frame: nil)]
    }
}
