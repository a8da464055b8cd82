import Foundation

/// The `NSRegularExpression` of a catalog pattern, compiled at load when the pattern runs through ICU on every line,
/// and on first use when the byte matcher answers for it (then ICU only sees lines outside plain ASCII, which most
/// runs never meet, and the load skips ICU's compile).
final class LazyRegex: @unchecked Sendable {
    private let pattern: String
    private let eager: NSRegularExpression?
    /// Guards ``compiled``.
    private let lock = NSLock()
    private var compiled: NSRegularExpression?

    /// - Parameters:
    ///   - pattern: ICU pattern text.
    ///   - compileNow: compile (and validate) now rather than on first use.
    /// - Throws: the regex compiler's error, when compiling now.
    init(pattern: String, compileNow: Bool) throws {
        self.pattern = pattern
        eager = compileNow ? try NSRegularExpression(pattern: pattern, options: []) : nil
    }

    /// The compiled expression; nil only if a pattern accepted by the byte matcher's parser is refused by ICU.
    var regex: NSRegularExpression? {
        if let eager { return eager }
        return lock.withLock {
            if compiled == nil { compiled = try? NSRegularExpression(pattern: pattern, options: []) }
            return compiled
        }
    }
}
