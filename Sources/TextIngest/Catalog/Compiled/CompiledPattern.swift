/// A catalog pattern compiled for ASCII lines: the same first match and captures as ICU, without ICU.
///
/// ``CatalogPattern`` asks it first; it answers ``Answer/undecided`` for lines it does not handle (a byte outside
/// tab and printable ASCII, where ICU's Unicode classes and line terminators would matter) and when its work budget
/// runs out, and the pattern then goes to `NSRegularExpression`.
struct CompiledPattern: Sendable {
    /// What the compiled pattern makes of a line.
    enum Answer: Equatable {
        /// No match anywhere in the line.
        case noMatch
        /// The first match: for each group, its byte range in the line (nil: the group did not take part).
        case match([Range<Int>?])
        /// Not handled here: ask ICU.
        case undecided
    }

    let program: PatternProgram
    /// Group names by group index (nil for unnamed groups).
    let groupNames: [String?]

    /// Compiles `source`.
    /// - Throws: ``PatternParser/Unsupported`` when it uses a construct outside the compiled subset.
    init(_ source: String) throws(PatternParser.Unsupported) {
        let (node, names) = try PatternParser.parse(source)
        program = try PatternProgram(node, groupCount: names.count)
        groupNames = names
    }

    /// The first match in `bytes`, as ICU finds it.
    func firstMatch(in bytes: UnsafeBufferPointer<UInt8>) -> Answer {
        guard Self.isPlain(bytes) else { return .undecided }
        var machine = PatternMachine(program: program, bytes: bytes, budget: Swift.max(100_000, 64 * bytes.count))
        let lastStart = program.anchoredAtStart ? 0 : bytes.count
        var start = 0
        while start <= lastStart {
            if let first = program.firstBytes {
                while start < bytes.count, !first.contains(bytes[start]) { start += 1 }
                if start >= bytes.count { return .noMatch }
            }
            switch machine.run(at: start) {
            case .exhausted: return .undecided
            case .matched:
                let slots = machine.slots
                return .match(stride(from: 0, to: slots.count, by: 2).map { i in
                    slots[i] >= 0 && slots[i + 1] >= slots[i] ? slots[i]..<slots[i + 1] : nil
                })
            case .failed: start += 1
            }
        }
        return .noMatch
    }

    /// Whether every byte is a tab or printable ASCII.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var bad = false
        for b in bytes { bad = bad || (b &- 0x20 >= 0x5F && b != 0x09) }
        return !bad
    }
}
