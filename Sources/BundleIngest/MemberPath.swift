/// Checks an archive member's name before anything is extracted: refuses absolute paths and `..` traversal,
/// and normalizes the rest (`./a//b` → `a/b`, Windows `\` separators → `/`).
enum MemberPath {
    /// The outcome of checking a member name.
    enum Verdict: Equatable {
        /// A safe relative path.
        case relative(String)
        /// A name with no file component (`./`, a bare directory).
        case empty
        /// An unsafe name, with the reason shown in the inventory.
        case refused(InventoryReason)
    }

    /// Checks `raw`, a member name as stored in the archive.
    static func check(_ raw: String) -> Verdict {
        if raw.contains("\u{0}") { return .refused(.nameContainsNUL) }
        let name = raw.replacingAll("\\", with: "/")
        if name.hasPrefix("/") { return .refused(.absolutePath) }
        if let first = name.unicodeScalars.first, name.dropFirst().hasPrefix(":"), first.properties.isAlphabetic {
            return .refused(.driveLetterPath)
        }
        var components: [Substring] = []
        for component in name.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { return .refused(.pathTraversal) }
            components.append(component)
        }
        return components.isEmpty ? .empty : .relative(components.joined(separator: "/"))
    }

    /// True for macOS Finder metadata (`__MACOSX/`, `._name` AppleDouble files, `.DS_Store`), which is never evidence.
    static func isMacMetadata(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let last = components.last else { return false }
        return components.contains("__MACOSX") || last == ".DS_Store" || last.hasPrefix("._")
    }

    /// A file-system-safe short name for an extracted copy: the last component, limited to `[A-Za-z0-9._-]`.
    static func safeFileName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? "file"
        let cleaned = String(last.unicodeScalars.prefix(80).map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
                || scalar == "." || scalar == "-" || scalar == "_")
            return allowed ? Character(scalar) : "_"
        })
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "." }) ? "file" : cleaned
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
