/// How an archive member is shown when several entries share one name, unambiguously.
///
/// The Nth entry named `path` (N ≥ 2) is shown as `path[N]`. A member whose own name already ends in what reads as
/// such a suffix (`log[2]`: `[`, one to nine ASCII digits, `]`) is shown with its copy number always written, the
/// first as `log[2][1]`, so `x[2]` — the second `x` — and a member really called `x[2]` — shown `x[2][1]` — never
/// read the same. ``parse(_:)`` undoes ``display(name:copy:)`` for every name.
public enum MemberCopy {
    /// The shown form of the `copy`th entry (1-based) called `name`.
    public static func display(name: String, copy: Int) -> String {
        copy >= 2 || hasCopySuffix(name) ? "\(name)[\(copy)]" : name
    }

    /// The stored name and copy number (1 for a single or first entry) a shown member name stands for.
    public static func parse(_ shown: String) -> (name: String, copy: Int) {
        guard let (prefix, number) = splitSuffix(shown) else { return (shown, 1) }
        return (prefix, number)
    }

    /// Whether `name` ends in `[N]` (N one to nine ASCII digits), the form a copy number takes.
    public static func hasCopySuffix(_ name: String) -> Bool { splitSuffix(name) != nil }

    private static func splitSuffix(_ text: String) -> (String, Int)? {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return nil }
        let digits = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard (1...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits)
        else { return nil }
        return (String(text[..<open]), number)
    }
}
