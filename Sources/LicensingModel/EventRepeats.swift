import Foundation

/// The later occurrences of a folded message: one instant and one line per repeat, in file order.
///
/// A busy trace writes the same periodic message (same kind, same fields, same file) hundreds of thousands of times;
/// folded, each repeat costs twelve bytes instead of a whole ``Event``. Everything that differs between the
/// occurrences — when, and on which line — is kept, so a folded event can always be unfolded into the events it
/// replaced (``Event/unfolded``).
public struct EventRepeats: Hashable, Sendable {
    /// The repeats' instants, in file order.
    public private(set) var instants: [Date] = []
    /// The repeats' 1-based line numbers, in file order (`lines[k]` goes with `instants[k]`).
    public private(set) var lines: [Int32] = []

    /// No repeats yet.
    public init() {}

    /// How many repeats there are (the first occurrence, the event itself, is not counted).
    public var count: Int { instants.count }

    /// Adds a repeat at `instant` read on `line`; false (nothing added) when the line does not fit the compact form.
    public mutating func append(instant: Date, line: Int) -> Bool {
        guard let compact = Int32(exactly: line) else { return false }
        instants.append(instant)
        lines.append(compact)
        return true
    }

    /// Every repeat moved by `offset` seconds (the same addition a single event's instant gets).
    public mutating func shift(by offset: TimeInterval) {
        for k in instants.indices { instants[k] += offset }
    }

    /// Keeps only the repeats `keep` accepts.
    mutating func filter(_ keep: (Date, Int) -> Bool) {
        var i: [Date] = []
        var l: [Int32] = []
        for k in instants.indices where keep(instants[k], Int(lines[k])) {
            i.append(instants[k])
            l.append(lines[k])
        }
        instants = i
        lines = l
    }
}
