import Foundation

/// A compiled catalog regex (ICU syntax) and the names of its captures.
///
/// `NSRegularExpression` is immutable and documented as safe to share between threads. ICU only accepts letters
/// and digits in group names, so `(?<error_code>…)` is compiled as `(?<g0>…)` and mapped back.
public struct CatalogPattern: Hashable, Sendable, CustomStringConvertible {
    /// The source text.
    public let source: String
    /// The named captures, in order of appearance.
    public let captureNames: [String]
    private let regex: NSRegularExpression

    /// Compiles `source`.
    /// - Throws: the regex compiler's error when the pattern is invalid.
    public init(_ source: String) throws {
        self.source = source
        let names = Self.names(in: source)
        var compiled = source
        for (i, name) in names.enumerated() {
            compiled = compiled.replacingOccurrences(of: "(?<\(name)>", with: "(?<g\(i)>")
            compiled = compiled.replacingOccurrences(of: "\\k<\(name)>", with: "\\k<g\(i)>")
        }
        self.regex = try NSRegularExpression(pattern: compiled, options: [])
        self.captureNames = names
    }

    /// The source text.
    public var description: String { source }

    /// Patterns are equal when their sources are.
    public static func == (a: CatalogPattern, b: CatalogPattern) -> Bool { a.source == b.source }
    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Named captures of the first match (empty and unset groups left out), or nil when it does not match.
    public func captures(in line: String) -> [String: String]? {
        guard let m = regex.firstMatch(in: line, options: [], range: NSRange(line.startIndex..., in: line)) else {
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
