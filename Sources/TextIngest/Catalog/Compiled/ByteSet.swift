/// A set of byte values (256 bits): one position of a compiled catalog pattern (a literal, a class, `.`, `\s`).
///
/// Membership follows ICU for ASCII text: `\s` is tab, line feed, vertical tab, form feed, carriage return and space;
/// `\d` is `0-9`; `\w` is `A-Z a-z 0-9 _`. Bytes ≥ 0x80 never reach a compiled pattern (such lines go to ICU).
struct ByteSet: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The empty set.
    init() {}

    /// The set holding `bytes`.
    init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { insert(b) }
    }

    /// Whether `byte` is in the set.
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    /// Adds `byte`.
    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Adds every byte of `other`.
    mutating func formUnion(_ other: ByteSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    }

    /// The bytes not in the set.
    var inverted: ByteSet {
        var s = ByteSet()
        s.words = (~words.0, ~words.1, ~words.2, ~words.3)
        return s
    }

    /// Whether no byte is in the set.
    var isEmpty: Bool { words == (0, 0, 0, 0) }

    static func == (a: ByteSet, b: ByteSet) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// `\d`.
    static let digit = ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))
    /// `\s` (ICU's White_Space restricted to ASCII).
    static let space = ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])
    /// `\w`.
    static let word: ByteSet = {
        var s = ByteSet(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        s.formUnion(ByteSet(UInt8(ascii: "a")...UInt8(ascii: "z")))
        s.formUnion(digit)
        s.insert(UInt8(ascii: "_"))
        return s
    }()
    /// `.`: anything but ICU's line terminators.
    static let dot = ByteSet([0x0A, 0x0B, 0x0C, 0x0D]).inverted
}
