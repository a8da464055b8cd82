import Foundation

/// `--redact`: replaces customer identifiers in a finished report with stable placeholders (`host-1`, `ip-2`,
/// `serial-1`, `account-1`), so a report can be shared outside the case. Registration tokens and proxy passwords are
/// never in a report in the first place (they are redacted at ingestion); this goes further.
///
/// Cisco's own endpoints (`*.cisco.com`) and entitlement tags stay readable: they are not customer data and the
/// verdict depends on them.
public struct OutputRedactor {
    private var mapping: [String: String] = [:]
    private var counters: [String: Int] = [:]

    /// Creates a value.
    public init() {}

    /// Redacts `text`; the same value always gets the same placeholder within one redactor.
    public mutating func redact(_ text: String) -> String {
        var out = text
        out = replace(Self.accountPattern, in: out, group: 2, kind: "account")
        out = replace(Self.serialPattern, in: out, group: 2, kind: "serial")
        out = replace(Self.uuidPattern, in: out, group: 1, kind: "uuid") { match, whole in
            // Entitlement tags end in `,12.0_<uuid>`: public identifiers, kept.
            let before = whole[..<match.lowerBound]
            return !before.hasSuffix("_") && !before.hasSuffix("regid.")
        }
        out = replace(Self.ipv4Pattern, in: out, group: 1, kind: "ip") { match, whole in
            !whole[match].hasPrefix("127.")
        }
        out = replace(Self.hostPattern, in: out, group: 1, kind: "host") { match, whole in
            let host = whole[match].lowercased()
            // Dotted identifiers (event kinds, Java classes, file names) are not hosts: only names ending in a
            // top-level domain are.
            guard let tld = host.split(separator: ".").last, Self.isTopLevelDomain(tld) else { return false }
            return !(host == "cisco.com" || host.hasSuffix(".cisco.com") || host.hasSuffix(".swift") || host == "localhost"
                || host.hasSuffix(".log") || host.hasSuffix(".txt") || host.hasSuffix(".pcap") || host.hasSuffix(".gz")
                || host.hasSuffix(".zip") || host.hasSuffix(".yaml") || host.hasSuffix(".cap") || host.hasSuffix(".pcapng")
                || host.hasPrefix("com.") || host.hasPrefix("javax.") || host.hasPrefix("java.") || host.hasPrefix("org.")
                || host.hasPrefix("regid.") || host.hasSuffix(".tar") || host.hasSuffix(".html") || host.hasSuffix(".md")
                || host.first?.isNumber == true)
        }
        return out
    }

    /// Generic and internal top-level domains, and any two-letter country code.
    static let genericTopLevelDomains: Set<String> = [
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "local", "lan", "corp", "internal",
        "intranet", "home", "localdomain", "example", "test", "invalid", "cloud", "online", "site",
    ]

    static func isTopLevelDomain(_ label: Substring) -> Bool {
        genericTopLevelDomains.contains(String(label)) || (label.count == 2 && label.allSatisfy { $0.isLetter })
    }

    /// The patterns are constants; the tests check each one compiles and redacts.
    private static func regex(_ p: String) -> NSRegularExpression? { try? NSRegularExpression(pattern: p) }

    static let accountPattern = regex(#"((?:Smart|Virtual) Account: )([^\n\r"]+)"#)
    static let serialPattern = regex(#"((?:SN|SERIALNUMBER)[:=])([A-Za-z0-9]+)"#)
    static let uuidPattern = regex(#"\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32})\b"#)
    static let ipv4Pattern = regex(#"\b((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})\b"#)
    static let hostPattern = regex(#"\b((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})\b"#)

    private mutating func replace(
        _ re: NSRegularExpression?, in text: String, group: Int, kind: String,
        keep: (Range<String.Index>, String) -> Bool = { _, _ in true }
    ) -> String {
        guard let re else { return text }
        var result = ""
        var last = text.startIndex
        for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range(at: group), in: text), keep(r, text) else { continue }
            result += text[last..<r.lowerBound]
            result += placeholder(String(text[r]), kind: kind)
            last = r.upperBound
        }
        return result + text[last...]
    }

    private mutating func placeholder(_ value: String, kind: String) -> String {
        if let p = mapping[value] { return p }
        counters[kind, default: 0] += 1
        let p = "\(kind)-\(counters[kind, default: 0])"
        mapping[value] = p
        return p
    }
}
