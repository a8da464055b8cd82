import Foundation

/// A compiled catalog regex (ICU syntax) and the names of its captures.
///
/// Patterns in the subset ``PatternParser`` describes are also compiled into a byte matcher (``CompiledPattern``)
/// that answers for lines of tab and printable ASCII with the same captures as ICU; other lines, and patterns
/// outside the subset (``fallbackReason``), go to `NSRegularExpression`.
///
/// `NSRegularExpression` is immutable and documented as safe to share between threads. ICU only accepts letters
/// and digits in group names, so `(?<error_code>…)` is compiled as `(?<g0>…)` and mapped back.
public struct CatalogPattern: Hashable, Sendable, CustomStringConvertible {
    /// The source text.
    public let source: String
    /// The named captures, in order of appearance.
    public let captureNames: [String]
    /// Why the pattern is not compiled into the byte matcher (nil when it is).
    public let fallbackReason: String?
    private let regex: LazyRegex
    private let compiled: CompiledPattern?
    /// For each name of ``captureNames``, its group index in ``compiled``.
    private let compiledGroups: [Int]

    /// Compiles `source`.
    /// - Throws: the regex compiler's error when the pattern is invalid.
    public init(_ source: String) throws {
        self.source = source
        let names = Self.names(in: source)
        var renamed = source
        for (i, name) in names.enumerated() {
            renamed = renamed.replacingOccurrences(of: "(?<\(name)>", with: "(?<g\(i)>")
            renamed = renamed.replacingOccurrences(of: "\\k<\(name)>", with: "\\k<g\(i)>")
        }
        self.captureNames = names
        do {
            let c = try CompiledPattern(source)
            compiled = c
            compiledGroups = names.compactMap { name in c.groupNames.firstIndex(of: name) }
            fallbackReason = nil
        } catch {
            compiled = nil
            compiledGroups = []
            fallbackReason = error.description
        }
        // ICU compiles at load what it runs on every line (and reports invalid patterns then); the byte matcher's
        // subset is valid ICU, so its patterns are compiled by ICU on first use only.
        self.regex = try LazyRegex(pattern: renamed, compileNow: compiled == nil)
    }

    /// The source text.
    public var description: String { source }

    /// Patterns are equal when their sources are.
    public static func == (a: CatalogPattern, b: CatalogPattern) -> Bool { a.source == b.source }
    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Named captures of the first match (empty and unset groups left out, spaces and tabs trimmed), or nil when it
    /// does not match.
    public func captures(in line: String) -> [String: String]? {
        if let compiled, compiledGroups.count == captureNames.count,
            let answer = line.utf8.withContiguousStorageIfAvailable({ compiledCaptures(compiled, $0) }),
            let answer
        {
            return answer
        }
        return regexCaptures(in: line)
    }

    /// What the byte matcher finds: `.some(nil)` no match, `.some(captures)`, or nil when ICU must answer.
    private func compiledCaptures(_ compiled: CompiledPattern, _ bytes: UnsafeBufferPointer<UInt8>) -> [String: String]?? {
        switch compiled.firstMatch(in: bytes) {
        case .undecided: return nil
        case .noMatch: return .some(nil)
        case .match(let ranges):
            var out: [String: String] = [:]
            for (name, group) in zip(captureNames, compiledGroups) {
                guard group < ranges.count, var range = ranges[group] else { continue }
                while range.lowerBound < range.upperBound, Self.isBlank(bytes[range.lowerBound]) {
                    range = range.lowerBound + 1..<range.upperBound
                }
                while range.lowerBound < range.upperBound, Self.isBlank(bytes[range.upperBound - 1]) {
                    range = range.lowerBound..<range.upperBound - 1
                }
                if !range.isEmpty { out[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            }
            return .some(out)
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// ``captures(in:)`` through `NSRegularExpression` alone (the reference the byte matcher is tested against).
    func regexCaptures(in line: String) -> [String: String]? {
        guard let regex = regex.regex, let m = regex.firstMatch(in: line, options: [], range: NSRange(line.startIndex..., in: line)) else {
            return nil
        }
        var out: [String: String] = [:]
        for (i, name) in captureNames.enumerated() {
            let r = m.range(withName: "g\(i)")
            guard r.location != NSNotFound, r.length > 0, let range = Range(r, in: line) else { continue }
            var value = line[range]
            while let f = value.first, f == " " || f == "\t" { value = value.dropFirst() }
            while let l = value.last, l == " " || l == "\t" { value = value.dropLast() }
            if !value.isEmpty { out[name] = String(value) }
        }
        return out
    }

    /// `(?<name>` groups of an ICU pattern.
    static func names(in source: String) -> [String] {
        var names: [String] = []
        var rest = source[...]
        while let r = rest.range(of: "(?<") {
            let after = rest[r.upperBound...]
            // `(?<=` and `(?<!` are look-behinds.
            if let c = after.first, c != "=", c != "!" {
                let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty, after.dropFirst(name.count).first == ">", !names.contains(String(name)) {
                    names.append(String(name))
                }
            }
            rest = after
        }
        return names
    }
}
