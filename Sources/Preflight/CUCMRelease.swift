import Foundation

/// A CUCM release as `--cucm-version` gives it: `12.5(1)SU4`, `14SU1`, `12.5.1 SU5`, or a build number
/// `12.5.1.14900-63` (whose SU level licscope cannot tell: no public build → SU table is in its notes).
struct CUCMRelease: Equatable {
    /// `12` of 12.5(1).
    var major: Int
    /// `5` of 12.5(1); nil when the release is written without it (`14SU1`).
    var minor: Int?
    /// `1` of 12.5(1); nil when not written.
    var maintenance: Int?
    /// The SU level: 0 for the base release, nil when unknown (a build number, or `12.5` alone).
    var su: Int?

    /// Creates a release from its parts.
    init(major: Int, minor: Int?, maintenance: Int?, su: Int?) {
        (self.major, self.minor, self.maintenance, self.su) = (major, minor, maintenance, su)
    }

    /// Reads `text`; nil when it is not a CUCM release in one of the forms above.
    init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        func int(_ s: Substring) -> Int? { s.count <= 6 ? Int(s) : nil }
        func suLevel(_ s: Substring) -> Int?? {
            // "" = base release; "SU4" / "SU3A" = that SU level; anything else = not a release.
            let rest = s.trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { return .some(0) }
            guard rest.hasPrefix("SU") else { return nil }
            let digits = rest.dropFirst(2).prefix { $0.isNumber }
            let tail = rest.dropFirst(2 + digits.count)
            guard let n = int(digits), tail.count <= 1, tail.allSatisfy(\.isLetter) else { return nil }
            return .some(n)
        }
        let head = t.prefix { $0.isNumber || $0 == "." || $0 == "(" || $0 == ")" || $0 == "-" }
        let suffix = t.dropFirst(head.count)
        if let open = head.firstIndex(of: "("), head.hasSuffix(")") {
            // 12.5(1)SU4
            let version = head[..<open].split(separator: ".", omittingEmptySubsequences: false)
            let inner = head[head.index(after: open)..<head.index(before: head.endIndex)]
            guard version.count == 2, let a = int(version[0]), let b = int(version[1]), let c = int(inner),
                let level = suLevel(suffix)
            else { return nil }
            (self.major, self.minor, self.maintenance, self.su) = (a, b, c, level)
            return
        }
        let dotted = head.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 4, suffix.isEmpty {
            // 12.5.1.14900-63: a build number.
            let build = dotted[3].split(separator: "-", omittingEmptySubsequences: false)
            guard let a = int(dotted[0]), let b = int(dotted[1]), let c = int(dotted[2]), (1...2).contains(build.count),
                build.allSatisfy({ int($0) != nil })
            else { return nil }
            (self.major, self.minor, self.maintenance, self.su) = (a, b, c, nil)
            return
        }
        guard (1...3).contains(dotted.count), !head.contains("-"), let level = suLevel(suffix) else { return nil }
        let parts = dotted.map(int)
        guard parts.allSatisfy({ $0 != nil }), let a = parts[0] else { return nil }
        major = a
        minor = parts.count > 1 ? parts[1] : nil
        maintenance = parts.count > 2 ? parts[2] : nil
        // "14" or "12.5.1" alone may be any SU; "14SU1" or "12.5.1 SU5" name one.
        self.su = suffix.isEmpty ? nil : level
    }

    /// `12.5(1)SU4`, `14SU1`, `12.5(1) (SU level unknown)`.
    var name: String {
        var out = String(major)
        if let minor { out += ".\(minor)" }
        if let maintenance { out += "(\(maintenance))" }
        switch su {
        case nil: out += " (SU level unknown)"
        case 0?: break
        case let n?: out += "SU\(n)"
        }
        return out
    }
}
