import Foundation

/// Recognizes chains that were most likely re-signed by an SSL-inspecting firewall or proxy.
/// This is a hint for the report, not a verdict: it names why it was raised.
enum InterceptionHeuristics {
    /// Words that appear in the issuer names of common inspection products' CAs.
    static let vendorMarkers = [
        "fortinet", "fortigate", "palo alto", "paloalto", "zscaler", "blue coat", "bluecoat", "symantec web",
        "sophos", "check point", "checkpoint", "barracuda", "watchguard", "sonicwall", "forcepoint", "netskope",
        "mcafee web gateway", "squid", "websense", "cisco umbrella", "untangle", "kaspersky", "eset ssl filter",
        "ssl inspection", "ssl-inspection", "proxy", "firewall",
    ]

    /// A hint when the issuer chain names an inspection vendor, or when trust came only from `--ca-file`
    /// for a chain whose root is not one of the bundled public roots.
    static func hint(chain: [CertificateInfo], anchoredByExtraCA: Bool, rootIsBundled: Bool) -> String? {
        for cert in chain {
            let issuer = cert.issuer.lowercased()
            if let marker = vendorMarkers.first(where: { issuer.contains($0) }) {
                return "issuer \(cert.issuer) names an inspection product (\(marker))"
            }
        }
        if anchoredByExtraCA && !rootIsBundled {
            return "chain is trusted only through --ca-file, not through a public root known for Cisco"
        }
        return nil
    }
}
